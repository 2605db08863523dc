//! Topological order and cycle reporting for dependency graphs given as "predecessors of node n".

use super::error::PlanError;

/// Nodes in an order where each comes after all of its predecessors (Kahn's algorithm), or the
/// cycle that prevents one, listed in dependency order with its first node repeated at the end.
pub fn topological_order<I>(n: usize, preds: impl Fn(usize) -> I, name: impl Fn(u32) -> String) -> Result<Vec<u32>, PlanError>
where
    I: Iterator<Item = u32>,
{
    order_with_successors(n, preds, name).map(|o| o.order)
}

/// A dependency order and the successor lists built on the way (`succs[succ_start[v]..succ_start[v + 1]]`).
pub struct Ordered {
    pub order: Vec<u32>,
    pub succ_start: Vec<u32>,
    pub succs: Vec<u32>,
}

/// [`topological_order`], keeping the successor lists for the caller.
pub fn order_with_successors<I>(n: usize, preds: impl Fn(usize) -> I, name: impl Fn(u32) -> String) -> Result<Ordered, PlanError>
where
    I: Iterator<Item = u32>,
{
    let mut indegree = vec![0u32; n];
    let mut succ_count = vec![0u32; n + 1];
    for (v, deg) in indegree.iter_mut().enumerate() {
        for p in preds(v) {
            *deg += 1;
            succ_count[p as usize + 1] += 1;
        }
    }
    // Successor lists in one flat array (CSR).
    for i in 0..n {
        succ_count[i + 1] += succ_count[i];
    }
    let offsets = succ_count.clone();
    let mut fill = succ_count;
    let mut succs = vec![0u32; offsets[n] as usize];
    for v in 0..n {
        for p in preds(v) {
            succs[fill[p as usize] as usize] = v as u32;
            fill[p as usize] += 1;
        }
    }
    let mut order: Vec<u32> = (0..n as u32).filter(|&v| indegree[v as usize] == 0).collect();
    let mut head = 0;
    while head < order.len() {
        let v = order[head] as usize;
        head += 1;
        for &s in &succs[offsets[v] as usize..offsets[v + 1] as usize] {
            indegree[s as usize] -= 1;
            if indegree[s as usize] == 0 {
                order.push(s);
            }
        }
    }
    if order.len() == n {
        return Ok(Ordered { order, succ_start: offsets, succs });
    }
    Err(PlanError::Cycle { cycle: find_cycle(n, &indegree, preds).into_iter().map(name).collect() })
}

/// Walks backwards through nodes left with unmet predecessors: each has one inside the cycle's
/// reach, so the walk must revisit a node; the part from its first visit is a cycle.
fn find_cycle<I>(n: usize, indegree: &[u32], preds: impl Fn(usize) -> I) -> Vec<u32>
where
    I: Iterator<Item = u32>,
{
    let start = (0..n).find(|&v| indegree[v] > 0).expect("a node with unmet predecessors exists when the order is short");
    let mut seen_at = vec![u32::MAX; n];
    let mut walk: Vec<u32> = Vec::new();
    let mut v = start;
    while seen_at[v] == u32::MAX {
        seen_at[v] = walk.len() as u32;
        walk.push(v as u32);
        v = preds(v).find(|&p| indegree[p as usize] > 0).expect("a node left over has a left-over predecessor") as usize;
    }
    let mut cycle: Vec<u32> = walk[seen_at[v] as usize..].to_vec();
    // The walk went against the arrows: reverse it to read "a → b" as "b comes after a".
    cycle.reverse();
    cycle.push(cycle[0]);
    cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_named_in_dependency_order() {
        // 0 ← 2, 1 ← 0, 2 ← 1 : 2 → 0 → 1 → 2 ; node 3 hangs off the cycle.
        let preds: Vec<Vec<u32>> = vec![vec![2], vec![0], vec![1], vec![1]];
        let err = topological_order(4, |v| preds[v].iter().copied(), |v| format!("n{v}")).unwrap_err();
        let PlanError::Cycle { cycle } = err else { panic!("expected a cycle") };
        assert_eq!(cycle.len(), 4);
        assert_eq!(cycle.first(), cycle.last());
        for w in cycle.windows(2) {
            let (a, b): (u32, u32) = (w[0][1..].parse().unwrap(), w[1][1..].parse().unwrap());
            assert!(preds[b as usize].contains(&a), "{a} → {b} is an edge");
        }
    }

    #[test]
    fn a_dag_comes_out_in_order() {
        let preds: Vec<Vec<u32>> = vec![vec![1, 2], vec![], vec![1]];
        let order = topological_order(3, |v| preds[v].iter().copied(), |v| v.to_string()).unwrap();
        let pos = |v: u32| order.iter().position(|&x| x == v).unwrap();
        assert!(pos(1) < pos(2) && pos(2) < pos(0));
    }
}
