package org.xieshang.liaison.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Generates a year's liaison plan (DESIGN §3). Pure and deterministic: the same inputs, in any
 * order, give the same plan; no hashing order, no randomness.
 *
 * <p>Rules, in order of priority:
 * <ol>
 *   <li>every member is assigned to exactly one liaison, and every group has ⌊M/L⌋ or ⌈M/L⌉
 *       members (so groups meet the minimum whenever M ≥ L × minimum);</li>
 *   <li>as few of last year's pairs as possible: zero whenever a balanced plan without them
 *       exists. This is a maximum flow with capacities (members → allowed liaisons → sink, each
 *       liaison taking ⌊M/L⌋ plus at most one of the M mod L extra places); members who cannot
 *       be placed by it keep a previous liaison, and each such repeat is explained;</li>
 *   <li>sectors spread across groups: each sector's members split as evenly as the rules above
 *       allow, and a liaison's own sector is the next tie-breaker (fewer of their own sector).</li>
 * </ol>
 *
 * <p>How: members sorted by (sector, id) are dealt round-robin over the liaisons, which spreads
 * every sector perfectly and balances sizes; the starting offset is the one that deals the fewest
 * previous pairs. Conflicts are first fixed by swaps within a sector (keeping the spread), then by
 * augmenting paths (Kuhn's algorithm generalised to capacities, on the complement of the
 * "previous pair" graph so a search costs O(M + L + previous pairs)). Since a member for whom no
 * augmenting path exists never gets one later, one search per conflict yields the maximum flow;
 * and since no later path can pass through what such a failed search reached, that region is
 * skipped from then on (300 liaisons × 3,000 members: milliseconds, see docs/benchmarks-liaison.md).
 * A bounded local search finally evens out sectors without adding repeats.
 */
public final class PlanGenerator {

    /** A liaison or member: identifier and sector. */
    public record Person(long id, long sectorId) {
    }

    /** A liaison–member pair. */
    public record Pair(long liaisonId, long memberId) {
    }

    public record Input(List<Person> liaisons, List<Person> members, Collection<Pair> previousPairs, int minGroupSize) {
    }

    public record Group(long liaisonId, List<Long> memberIds) {
    }

    /** Why a previous pair had to be kept. */
    public enum RepeatReason {
        /** Every liaison of this year had the member last year. */
        ALL_LIAISONS_HAD_MEMBER,
        /**
         * The liaisons the member could join without a repeat (directly or by moving others along)
         * are full with members who cannot move elsewhere without a repeat either.
         */
        OTHER_GROUPS_FULL
    }

    /** A repeated pair: {@code openLiaisons} liaisons were reachable, holding {@code membersHolding} members. */
    public record Repeat(long liaisonId, long memberId, RepeatReason reason, int openLiaisons, int membersHolding) {
    }

    public enum WarningCode {
        /** No member to assign. */
        NO_MEMBERS,
        /** Args: members, liaisons, minimum, members needed. Groups stay balanced but are below the minimum. */
        TOO_FEW_MEMBERS,
        /** Args: number of repeated pairs. */
        REPEATS_UNAVOIDABLE
    }

    public record Warning(WarningCode code, List<Long> args) {
    }

    public record Result(List<Group> groups, List<Repeat> repeats, List<Warning> warnings) {
        public int repeatedPairs() {
            return repeats.size();
        }
    }

    private static final int VIA_EXTRA = -2;
    private static final int NONE = -1;
    private static final int SPREAD_PASSES = 4;

    private PlanGenerator() {
    }

    public static Result generate(Input input) {
        if (input.liaisons().isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one liaison");
        }
        if (input.minGroupSize() < 0) {
            throw new IllegalArgumentException("negative minimum group size");
        }
        return new Run(input).solve();
    }

    /** The state of one generation; all indexes are into arrays sorted by (sector, id) / id. */
    private static final class Run {
        final int l;
        final int m;
        final int q;
        final int r;
        final long[] liaisonIds;
        final int[] liaisonSector;
        final long[] memberIds;
        final int[] memberSector;
        final int sectors;
        final int[][] forbidden;
        final int minGroupSize;

        final int[] group;
        final int[] pos;
        final int[][] slots;
        final int[] size;
        final int[][] count;
        int extrasUsed;
        final boolean[] frozen;
        final List<Repeat> repeats = new ArrayList<>();

        // search state, reused
        final int[] parent;
        final boolean[] seen;
        final int[] next;
        final int[] prev;
        final int[] queue;
        int extraParent;
        boolean extraSeen;
        int enqueued;

        // Regions reached by failed searches: they can never reach a free place again (an
        // augmenting path never enters them), so later searches stop at their border. Union-find
        // over regions keeps each one's liaisons and members for the explanation of a repeat.
        final int[] regionOf;
        final int[] regionParent;
        final int[] regionLiaisons;
        final int[] regionHolding;
        int regions;
        boolean extraDead;
        final int[] touched;
        int touchedCount;

        Run(Input input) {
            List<Person> ls = sortedUnique(input.liaisons(), Comparator.comparingLong(Person::id));
            List<Person> ms = sortedUnique(input.members(), Comparator.comparingLong(Person::sectorId).thenComparingLong(Person::id));
            l = ls.size();
            m = ms.size();
            q = m / l;
            r = m % l;
            minGroupSize = input.minGroupSize();
            long[] sectorIds = java.util.stream.Stream.concat(ls.stream(), ms.stream()).mapToLong(Person::sectorId)
                    .distinct().sorted().toArray();
            sectors = sectorIds.length;
            liaisonIds = new long[l];
            liaisonSector = new int[l];
            for (int j = 0; j < l; j++) {
                liaisonIds[j] = ls.get(j).id();
                liaisonSector[j] = Arrays.binarySearch(sectorIds, ls.get(j).sectorId());
            }
            memberIds = new long[m];
            memberSector = new int[m];
            long[] membersById = new long[m];
            int[] indexById = new int[m];
            for (int i = 0; i < m; i++) {
                memberIds[i] = ms.get(i).id();
                memberSector[i] = Arrays.binarySearch(sectorIds, ms.get(i).sectorId());
            }
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> memberIds[i]));
            for (int k = 0; k < m; k++) {
                membersById[k] = memberIds[order[k]];
                indexById[k] = order[k];
            }
            for (int k = 0; k + 1 < m; k++) {
                if (membersById[k] == membersById[k + 1]) {
                    throw new IllegalArgumentException("member " + membersById[k] + " given twice");
                }
            }
            for (long id : liaisonIds) {
                if (Arrays.binarySearch(membersById, id) >= 0) {
                    throw new IllegalArgumentException("person " + id + " is both a liaison and a member");
                }
            }
            // previous pairs between this year's liaisons and members, as sorted liaison indexes per
            // member (plain arrays: this runs before the JIT has compiled anything)
            int pairCount = input.previousPairs().size();
            int[] pairMember = new int[pairCount];
            int[] pairLiaison = new int[pairCount];
            int[] forbiddenCount = new int[m];
            int kept = 0;
            for (Pair p : input.previousPairs()) {
                int j = Arrays.binarySearch(liaisonIds, p.liaisonId());
                int k = j < 0 ? -1 : Arrays.binarySearch(membersById, p.memberId());
                if (k >= 0) {
                    pairMember[kept] = indexById[k];
                    pairLiaison[kept] = j;
                    forbiddenCount[indexById[k]]++;
                    kept++;
                }
            }
            int[][] lists = new int[m][];
            for (int i = 0; i < m; i++) {
                lists[i] = new int[forbiddenCount[i]];
            }
            int[] fill = new int[m];
            for (int k = 0; k < kept; k++) {
                lists[pairMember[k]][fill[pairMember[k]]++] = pairLiaison[k];
            }
            forbidden = new int[m][];
            for (int i = 0; i < m; i++) {
                int[] f = lists[i];
                Arrays.sort(f);
                int distinct = 0;
                for (int k = 0; k < f.length; k++) {
                    if (k == 0 || f[k] != f[k - 1]) {
                        f[distinct++] = f[k];
                    }
                }
                forbidden[i] = distinct == f.length ? f : Arrays.copyOf(f, distinct);
            }

            group = new int[m];
            pos = new int[m];
            slots = new int[l][q + 1];
            size = new int[l];
            count = new int[l][sectors];
            frozen = new boolean[m];
            parent = new int[l];
            seen = new boolean[l];
            regionOf = new int[l];
            Arrays.fill(regionOf, NONE);
            regionParent = new int[m + 1];
            regionLiaisons = new int[m + 1];
            regionHolding = new int[m + 1];
            touched = new int[l];
            next = new int[l + 1];
            prev = new int[l + 1];
            queue = new int[l];
        }

        private static List<Person> sortedUnique(List<Person> people, Comparator<Person> order) {
            List<Person> sorted = new ArrayList<>(people);
            sorted.sort(order);
            long[] ids = sorted.stream().mapToLong(Person::id).sorted().toArray();
            for (int k = 0; k + 1 < ids.length; k++) {
                if (ids[k] == ids[k + 1]) {
                    throw new IllegalArgumentException("person " + ids[k] + " given twice");
                }
            }
            return sorted;
        }

        Result solve() {
            deal();
            swapWithinSectors();
            List<Integer> unplaced = augment();
            placeRepeats(unplaced);
            spreadSectors();
            return result();
        }

        boolean allowed(int member, int liaison) {
            return Arrays.binarySearch(forbidden[member], liaison) < 0;
        }

        /** Round-robin over the members sorted by sector, from the offset that deals the fewest previous pairs. */
        void deal() {
            long[] conflicts = new long[l];
            for (int i = 0; i < m; i++) {
                for (int j : forbidden[i]) {
                    conflicts[Math.floorMod(j - i, l)]++;
                }
            }
            int offset = 0;
            for (int k = 1; k < l; k++) {
                if (conflicts[k] < conflicts[offset]) {
                    offset = k;
                }
            }
            Arrays.fill(group, NONE);
            for (int i = 0; i < m; i++) {
                add(i, (i + offset) % l);
            }
        }

        /** Fixes dealt previous pairs by swapping with a member of the same sector, which keeps sizes and spread. */
        void swapWithinSectors() {
            int start = 0;
            while (start < m) {
                int end = start;
                while (end < m && memberSector[end] == memberSector[start]) {
                    end++;
                }
                for (int x = start; x < end; x++) {
                    if (allowed(x, group[x])) {
                        continue;
                    }
                    int partner = NONE;
                    for (int pass = 0; pass < 2 && partner == NONE; pass++) {
                        for (int y = start; y < end; y++) {
                            int gx = group[x];
                            int gy = group[y];
                            boolean yConflicted = !allowed(y, gy);
                            if (y != x && gy != gx && (pass == 1 || yConflicted) && allowed(x, gy) && allowed(y, gx)) {
                                partner = y;
                                break;
                            }
                        }
                    }
                    if (partner != NONE) {
                        int gx = group[x];
                        int gy = group[partner];
                        remove(x);
                        remove(partner);
                        add(x, gy);
                        add(partner, gx);
                    }
                }
                start = end;
            }
        }

        /** Takes the remaining previous pairs out and places each member along an augmenting path if one exists. */
        List<Integer> augment() {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (!allowed(i, group[i])) {
                    open.add(i);
                }
            }
            for (int i : open) {
                remove(i);
            }
            List<Integer> unplaced = new ArrayList<>();
            for (int i : open) {
                int terminal = search(i);
                if (terminal == NONE) {
                    unplaced.add(i);
                    explain(i, bury());
                } else {
                    applyPath(terminal);
                }
            }
            return unplaced;
        }

        /** Makes what the failed search reached a dead region, merged with the dead regions it touched. */
        private int bury() {
            int r = regions++;
            regionParent[r] = r;
            for (int k = 0; k < enqueued; k++) {
                int j = queue[k];
                regionOf[j] = r;
                regionLiaisons[r]++;
                regionHolding[r] += size[j];
            }
            for (int k = 0; k < touchedCount; k++) {
                int other = root(touched[k]);
                if (other != r) {
                    regionParent[other] = r;
                    regionLiaisons[r] += regionLiaisons[other];
                    regionHolding[r] += regionHolding[other];
                }
            }
            extraDead |= extraSeen;
            return r;
        }

        private int root(int r) {
            while (regionParent[r] != r) {
                regionParent[r] = regionParent[regionParent[r]];
                r = regionParent[r];
            }
            return r;
        }

        /** Records why member x keeps a previous liaison: the liaisons its failed search reached are all full. */
        private void explain(int x, int region) {
            int open = 0;
            for (int j = 0; j < l; j++) {
                if (allowed(x, j)) {
                    open++;
                }
            }
            // the liaison is known only after placement; keep the facts in a placeholder
            repeats.add(new Repeat(-1, x, open == 0 ? RepeatReason.ALL_LIAISONS_HAD_MEMBER : RepeatReason.OTHER_GROUPS_FULL,
                    regionLiaisons[region], regionHolding[region]));
        }

        private boolean terminal(int j) {
            return size[j] < q || (size[j] == q && extrasUsed < r);
        }

        /**
         * Breadth-first search for an augmenting path from unassigned member x. Liaison j reached means
         * "one more member wants into j": j absorbs it (a free place), passes a member of its own on, or
         * — at ⌊M/L⌋ with all extra places taken — takes the extra place of a liaison at ⌈M/L⌉, which
         * must then pass one of its members on. Returns the liaison where the path ends, or NONE.
         */
        int search(int x) {
            Arrays.fill(seen, false);
            for (int j = 0; j < l; j++) {
                next[j] = j + 1;
                prev[j] = j == 0 ? l : j - 1;
            }
            next[l] = 0;
            prev[l] = l - 1;
            extraSeen = false;
            enqueued = 0;
            touchedCount = 0;
            int found = expand(x);
            int head = 0;
            while (found == NONE && head < enqueued) {
                int j = queue[head++];
                int[] members = slots[j];
                for (int k = 0; k < size[j] && found == NONE; k++) {
                    found = expand(members[k]);
                }
                if (found == NONE && !extraSeen && !extraDead && r > 0 && size[j] == q) {
                    // all extra places are taken (else j would have ended the path): borrow one from a
                    // liaison at ⌈M/L⌉, which then has to pass one of its members on
                    extraSeen = true;
                    extraParent = j;
                    for (int k = next[l]; k != l; ) {
                        int after = next[k];
                        if (size[k] == q + 1) {
                            visit(k, VIA_EXTRA);
                        }
                        k = after;
                    }
                }
            }
            return found;
        }

        /** Visits every not yet seen liaison that member y may join without a repeat; stops at a free place. */
        private int expand(int y) {
            for (int j = next[l]; j != l; ) {
                int after = next[j];
                if (allowed(y, j)) {
                    visit(j, y);
                    if (regionOf[j] == NONE && terminal(j)) {
                        return j;
                    }
                }
                j = after;
            }
            return NONE;
        }

        /** Marks liaison j reached; a liaison of a dead region is only noted, never searched through. */
        private void visit(int j, int from) {
            seen[j] = true;
            parent[j] = from;
            next[prev[j]] = next[j];
            prev[next[j]] = prev[j];
            if (regionOf[j] == NONE) {
                queue[enqueued++] = j;
            } else {
                touched[touchedCount++] = root(regionOf[j]);
            }
        }

        private void applyPath(int terminal) {
            int cur = terminal;
            while (true) {
                int p = parent[cur];
                if (p == VIA_EXTRA) {
                    cur = extraParent;
                    p = parent[cur];
                }
                int from = group[p];
                remove(p);
                add(p, cur);
                if (from == NONE) {
                    return;
                }
                cur = from;
            }
        }

        /** Members without a repeat-free place keep a previous liaison: the free place best for the spread. */
        void placeRepeats(List<Integer> unplaced) {
            // only liaisons with a free place are candidates, and they only get fewer
            int[] free = new int[l];
            int frees = 0;
            for (int j = 0; j < l; j++) {
                if (terminal(j)) {
                    free[frees++] = j;
                }
            }
            for (int k = 0; k < unplaced.size(); k++) {
                int x = unplaced.get(k);
                int best = NONE;
                int kept = 0;
                for (int f = 0; f < frees; f++) {
                    int j = free[f];
                    if (!terminal(j)) {
                        continue;
                    }
                    free[kept++] = j;
                    if (best == NONE || better(x, j, best)) {
                        best = j;
                    }
                }
                frees = kept;
                add(x, best);
                frozen[x] = true;
                Repeat facts = repeats.get(k);
                repeats.set(k, new Repeat(liaisonIds[best], memberIds[x], facts.reason(), facts.openLiaisons(),
                        facts.membersHolding()));
            }
        }

        private boolean better(int x, int j, int best) {
            boolean aj = allowed(x, j);
            boolean ab = allowed(x, best);
            if (aj != ab) {
                return aj;
            }
            int s = memberSector[x];
            if (count[j][s] != count[best][s]) {
                return count[j][s] < count[best][s];
            }
            return size[j] < size[best];
        }

        /**
         * Moves and swaps that lower the sum of squares of sector counts per group (then the same
         * counting each liaison's own sector), never creating a repeat. Bounded number of passes.
         */
        void spreadSectors() {
            int[] least = new int[sectors];
            for (int pass = 0; pass < SPREAD_PASSES; pass++) {
                // only members in a group holding at least two more of their sector than the emptiest
                // group (or one more, in their liaison's own sector) can improve anything
                Arrays.fill(least, Integer.MAX_VALUE);
                for (int j = 0; j < l; j++) {
                    for (int s = 0; s < sectors; s++) {
                        least[s] = Math.min(least[s], count[j][s]);
                    }
                }
                boolean improved = false;
                for (int x = 0; x < m; x++) {
                    if (frozen[x]) {
                        continue;
                    }
                    int g = group[x];
                    int a = memberSector[x];
                    boolean excess = count[g][a] >= least[a] + 2 || (liaisonSector[g] == a && count[g][a] > least[a]);
                    if (excess && improve(x)) {
                        improved = true;
                    }
                }
                if (!improved) {
                    return;
                }
            }
        }

        private boolean improve(int x) {
            int g = group[x];
            int a = memberSector[x];
            for (int h = 0; h < l; h++) {
                if (h == g || count[h][a] >= count[g][a] || !allowed(x, h)) {
                    continue;
                }
                if (size[g] == q + 1 && size[h] == q) {
                    int dm = 2 * (count[h][a] - count[g][a]) + 2;
                    int dl = 2 * (withOwn(h, a) - withOwn(g, a)) + 2;
                    if (dm < 0 || (dm == 0 && dl < 0)) {
                        remove(x);
                        add(x, h);
                        return true;
                    }
                }
                int[] members = slots[h];
                for (int k = 0; k < size[h]; k++) {
                    int y = members[k];
                    int b = memberSector[y];
                    if (b == a || frozen[y] || !allowed(y, g)) {
                        continue;
                    }
                    int dm = 2 * (count[h][a] - count[g][a] + count[g][b] - count[h][b]) + 4;
                    int dl = 2 * (withOwn(h, a) - withOwn(g, a) + withOwn(g, b) - withOwn(h, b)) + 4;
                    if (dm < 0 || (dm == 0 && dl < 0)) {
                        remove(x);
                        remove(y);
                        add(x, h);
                        add(y, g);
                        return true;
                    }
                }
            }
            return false;
        }

        private int withOwn(int j, int s) {
            return count[j][s] + (liaisonSector[j] == s ? 1 : 0);
        }

        private void add(int x, int j) {
            if (size[j] == q) {
                extrasUsed++;
            }
            slots[j][size[j]] = x;
            pos[x] = size[j];
            size[j]++;
            group[x] = j;
            count[j][memberSector[x]]++;
        }

        private void remove(int x) {
            int j = group[x];
            if (j == NONE) {
                return;
            }
            int last = slots[j][size[j] - 1];
            slots[j][pos[x]] = last;
            pos[last] = pos[x];
            size[j]--;
            if (size[j] == q) {
                extrasUsed--;
            }
            count[j][memberSector[x]]--;
            group[x] = NONE;
        }

        Result result() {
            List<Group> groups = new ArrayList<>(l);
            for (int j = 0; j < l; j++) {
                long[] ids = new long[size[j]];
                for (int k = 0; k < size[j]; k++) {
                    ids[k] = memberIds[slots[j][k]];
                }
                Arrays.sort(ids);
                groups.add(new Group(liaisonIds[j], Arrays.stream(ids).boxed().toList()));
            }
            List<Repeat> sortedRepeats = new ArrayList<>(repeats);
            sortedRepeats.sort(Comparator.comparingLong(Repeat::liaisonId).thenComparingLong(Repeat::memberId));
            List<Warning> warnings = new ArrayList<>();
            if (m == 0) {
                warnings.add(new Warning(WarningCode.NO_MEMBERS, List.of()));
            } else if (q < minGroupSize) {
                warnings.add(new Warning(WarningCode.TOO_FEW_MEMBERS,
                        List.of((long) m, (long) l, (long) minGroupSize, (long) l * minGroupSize)));
            }
            if (!sortedRepeats.isEmpty()) {
                warnings.add(new Warning(WarningCode.REPEATS_UNAVOIDABLE, List.of((long) sortedRepeats.size())));
            }
            return new Result(List.copyOf(groups), List.copyOf(sortedRepeats), List.copyOf(warnings));
        }
    }
}
