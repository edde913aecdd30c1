package org.promoattribution.codes;

import java.util.List;

/** SPEC rule 4's output: M, the matched pairs in the order typed, and the codes that matched nothing. */
public record MatchResult(List<CodeMatch> matched, List<String> unmatched) {
}
