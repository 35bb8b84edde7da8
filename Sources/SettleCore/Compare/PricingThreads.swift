// SPDX-License-Identifier: GPL-3.0-or-later

/// Whether a large pricing pass may put a helper thread on a second core (see `PairedScan`,
/// from 20,000 households in a batch). A comparison that runs several replications at once turns
/// it off: its jobs already fill the cores, and the helper spins while it waits for work. Paired
/// and serial pricing make the same pivots, so no result changes.
public enum PricingThreads {
    @TaskLocal public static var paired = true
}
