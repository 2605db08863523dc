//! An `INSERT` written as one list of `(column, value)` pairs: the column list, the placeholders
//! and the binds are all generated from it, so they cannot drift apart (a column added to the list
//! is bound in the same line; a value can never land in its neighbour's column).

use super::Conn;
use sqlx::any::{Any, AnyArguments};
use sqlx::error::BoxDynError;
use sqlx::{Arguments, Encode, Type};

/// One row to insert into `table`.
///
/// ```ignore
/// Insert::into("stakeholder_links")
///     .value("upstream_department_id", upstream)
///     .value("downstream_department_id", downstream)
///     .execute(conn)
///     .await?;
/// ```
pub struct Insert<'q> {
    table: &'static str,
    columns: Vec<&'static str>,
    arguments: AnyArguments<'q>,
    /// The first value that could not be encoded; reported by `execute`, which then sends nothing.
    encode_error: Option<BoxDynError>,
}

impl<'q> Insert<'q> {
    pub fn into(table: &'static str) -> Self {
        Insert { table, columns: Vec::new(), arguments: AnyArguments::default(), encode_error: None }
    }

    /// Adds a column and the value it takes.
    pub fn value<T>(mut self, column: &'static str, value: T) -> Self
    where
        T: 'q + Encode<'q, Any> + Type<Any>,
    {
        if let Err(error) = self.arguments.add(value) {
            self.encode_error.get_or_insert(error);
        }
        self.columns.push(column);
        self
    }

    /// The statement text, `insert into t (a, b) values ($1, $2)`.
    pub fn sql(&self) -> String {
        let placeholders: Vec<String> = (1..=self.columns.len()).map(|n| format!("${n}")).collect();
        format!("insert into {} ({}) values ({})", self.table, self.columns.join(", "), placeholders.join(", "))
    }

    pub async fn execute(self, conn: &mut Conn) -> sqlx::Result<()> {
        if let Some(error) = self.encode_error {
            return Err(sqlx::Error::Encode(error));
        }
        let sql = self.sql();
        sqlx::query_with(&sql, self.arguments).execute(conn).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_placeholders_come_from_the_same_list() {
        let insert = Insert::into("links").value("from_id", "a").value("to_id", "b").value("created_at", 5_i64);
        assert_eq!(insert.sql(), "insert into links (from_id, to_id, created_at) values ($1, $2, $3)");
    }
}
