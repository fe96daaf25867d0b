package dev.aapl.core.domain;

/**
 * What storing a batch of bars changed: bars the store did not hold, bars it held with other
 * prices or volume (revised by the provider), and bars it already held exactly.
 *
 * @param added bars whose start time was new to the store
 * @param replaced bars whose start time was stored with different values, now overwritten
 * @param unchanged bars the store already held with the same values
 */
public record UpsertCounts(int added, int replaced, int unchanged) {

    /** Nothing stored, nothing changed. */
    public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

    /** @throws IllegalArgumentException when a count is negative */
    public UpsertCounts {
        if (added < 0 || replaced < 0 || unchanged < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + added + ", "
                    + replaced + ", " + unchanged);
        }
    }

    /** @return whether the store's content changed */
    public boolean changed() {
        return added > 0 || replaced > 0;
    }

    /** @return how many bars the batch held */
    public int total() {
        return added + replaced + unchanged;
    }
}
