/**
 * Computes the area under the ROC curve: the probability that a random converted lead scores
 * higher than a random unconverted one, with ties counted as half. Returns NaN when either
 * class is empty.
 *
 * @example
 * auc([10, 40, 35, 80], [false, false, true, true]); // 0.75
 */
export function auc(scores: readonly number[], outcomes: readonly boolean[]): number {
  if (scores.length !== outcomes.length) {
    throw new RangeError(`auc: expected as many outcomes as scores, received ${outcomes.length} outcomes for ${scores.length} scores`);
  }
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  // Mann-Whitney U with average ranks for ties.
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (outcomes[order[k]!]) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
