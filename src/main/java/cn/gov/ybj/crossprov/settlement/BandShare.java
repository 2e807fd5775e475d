package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

/**
 * How one band contributed to a fund's payment: {@code amount} is the part of this settlement's
 * paying range inside the band, {@code share} what the fund paid on it ({@code amount × ratio}
 * rounded half up to the fen; less in the band where the annual cap ran out, 0 after it).
 */
public record BandShare(RatioBand band, Money amount, Money share) {
}
