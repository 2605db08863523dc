//! `concord precompress DIR`: writes `.gz` and `.br` beside each bundle file once, at build time,
//! so the server sends the best encoding without compressing per request.

use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// Compresses every `.js`, `.wasm`, `.css` and `.svg` file directly inside `dir`.
pub fn folder(dir: &Path) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let wanted = path.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e, "js" | "wasm" | "css" | "svg"));
        if !wanted {
            continue;
        }
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let (gz, br) = (compress_gzip(&bytes)?, compress_brotli(&bytes)?);
        std::fs::write(with_suffix(&path, "gz"), &gz)?;
        std::fs::write(with_suffix(&path, "br"), &br)?;
        println!("{}: {} raw, {} gzip, {} brotli", path.display(), bytes.len(), gz.len(), br.len());
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

pub fn compress_gzip(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

pub fn compress_brotli(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_encodings_round_trip() {
        let text = "付款前须审批 Payment requires approval ".repeat(100);
        let gz = compress_gzip(text.as_bytes()).unwrap();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back).unwrap();
        assert_eq!(back, text);
        let br = compress_brotli(text.as_bytes()).unwrap();
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert_eq!(out, text.as_bytes());
        assert!(br.len() < text.len() / 5);
    }
}
