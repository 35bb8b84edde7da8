// SPDX-License-Identifier: GPL-3.0-or-later

/// settle's version: `settle --version` prints it and every partial result's fingerprint holds it.
public enum SettleVersion {
    public static let current = "0.1.0"
}
