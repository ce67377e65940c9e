package scratchnet.io;

import java.math.BigInteger;

/**
 * The nearest double to w·10^q for up to 19 digits w, with 64-bit integer arithmetic only: the
 * Eisel–Lemire method (D. Lemire, "Number parsing at a gigabyte per second", Software: Practice
 * and Experience 51, 2021; N. Mushtak and D. Lemire, "Fast number parsing without fallback", 2023).
 * w is multiplied by a 128-bit truncation of 5^q; the product's top bits are the double's
 * significand, and the rest tells whether the truncation could have changed the rounding (then
 * {@link Decimal} falls back to exact big-integer arithmetic). Exact where it answers, and free of
 * {@link BigInteger}'s cost, which is large in the browser.
 */
final class EiselLemire {
    private EiselLemire() {
    }

    private static final int SMALLEST = -342;
    private static final int LARGEST = 308;

    /** 5^q scaled into [2^127, 2^128) (truncated; for q < 0 from the reciprocal rounded up), as two 64-bit halves. */
    private static final class Power {
        final long high;
        final long low; // final fields: safe to share even when two threads fill one entry at once

        Power(long high, long low) {
            this.high = high;
            this.low = low;
        }
    }

    /** Indexed by q − {@link #SMALLEST}; null until needed. */
    private static final Power[] POWERS = new Power[LARGEST - SMALLEST + 1];

    /**
     * The bits of the positive double nearest to {@code w}·10^{@code q} ({@code w} unsigned, not 0),
     * or -1 when 128 bits of 5^q do not settle it.
     */
    static long bits(long w, int q) {
        if (q < SMALLEST) {
            return 0; // below 10^19 · 10^-343, under half the smallest subnormal
        }
        if (q > LARGEST) {
            return Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        }
        Power power = POWERS[q - SMALLEST];
        if (power == null) {
            power = fill(q);
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        long high = multiplyHigh(w, power.high);
        long low = w * power.high;
        if ((high & 0x1FF) == 0x1FF) { // the 9 bits below the significand and rounding bit are all ones: add the next word
            long next = multiplyHigh(w, power.low);
            low += next;
            if (next + Long.MIN_VALUE > low + Long.MIN_VALUE) { // unsigned: the sum wrapped
                high++;
            }
        }
        if (low == -1L && (q < -27 || q > 55)) {
            return -1; // the product's tail is all ones: the truncation may have hidden a carry
        }
        int upper = (int) (high >>> 63);
        int shift = upper + 64 - 52 - 3;
        long mantissa = high >>> shift; // 54 bits: the significand and a rounding bit
        int power2 = ((217706 * q) >> 16) + 63 + upper - lz + 1023; // 217706 / 2^16 ≈ log2(10)
        if (power2 <= 0) { // subnormal (an exact halfway point there needs far more than 19 digits)
            if (-power2 + 1 >= 64) {
                return 0;
            }
            mantissa >>>= -power2 + 1;
            mantissa += mantissa & 1;
            mantissa >>>= 1;
            return mantissa; // carrying into 2^52 gives the smallest normal, whose bits these are too
        }
        if ((low == 0 || low == 1) && q >= -4 && q <= 23 && (mantissa & 3) == 1 && mantissa << shift == high) {
            mantissa &= ~1L; // exactly halfway: round to even, down
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= 2L << 52) {
            mantissa = 1L << 52;
            power2++;
        }
        if (power2 >= 0x7FF) {
            return Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        }
        return (long) power2 << 52 | mantissa & ~(1L << 52);
    }

    /** 5^q's entry, once, exactly from big integers. */
    private static Power fill(int q) {
        BigInteger c;
        if (q >= 0) {
            c = BigInteger.valueOf(5).pow(q);
            int bits = c.bitLength();
            c = bits <= 128 ? c.shiftLeft(128 - bits) : c.shiftRight(bits - 128);
        } else {
            BigInteger p = BigInteger.valueOf(5).pow(-q);
            int z = p.bitLength(); // 2^(z-1) < 5^-q < 2^z
            c = BigInteger.ONE.shiftLeft(q >= -27 ? z + 127 : 2 * z + 128).divide(p).add(BigInteger.ONE);
            c = c.shiftRight(Math.max(0, c.bitLength() - 128));
        }
        Power power = new Power(c.shiftRight(64).longValue(), c.longValue());
        POWERS[q - SMALLEST] = power;
        return power;
    }

    /** The high 64 bits of the unsigned 128-bit product a·b. */
    static long multiplyHigh(long a, long b) {
        long aLow = a & 0xFFFFFFFFL;
        long aHigh = a >>> 32;
        long bLow = b & 0xFFFFFFFFL;
        long bHigh = b >>> 32;
        long lowLow = aLow * bLow;
        long lowHigh = aLow * bHigh;
        long highLow = aHigh * bLow;
        long middle = (lowLow >>> 32) + (lowHigh & 0xFFFFFFFFL) + (highLow & 0xFFFFFFFFL);
        return aHigh * bHigh + (lowHigh >>> 32) + (highLow >>> 32) + (middle >>> 32);
    }
}
