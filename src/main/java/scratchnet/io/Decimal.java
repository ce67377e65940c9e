package scratchnet.io;

import java.math.BigInteger;

/**
 * The project's one number codec: decimal text to double and back, exactly and the same on every
 * platform. Every number in a file, a link, the autosave and an undo snapshot goes through here
 * (through {@link Json}, {@link Csv} and {@link Format#number}). TeaVM 0.16's own
 * {@code Double.parseDouble} keeps 19 digits and rounds approximately (about 1 in 10^5 seventeen-digit
 * texts, and half of all subnormals, come out one unit off), and its {@code Double.toString} now and
 * then drops a digit the value needs (0.060282600563365873 becomes "0.06028260056336587"), so a file
 * written and read in the browser would not always give back the same numbers. Here short texts
 * take a path that is exact by IEEE arithmetic, texts of up to 19 digits 64-bit integer arithmetic
 * ({@link EiselLemire}), and the rest exact big-integer arithmetic.
 */
public final class Decimal {
    private Decimal() {
    }

    /** 10^0 to 10^22: every one an exact double. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Whether {@code s} is a plain decimal: an optional sign, digits with an optional point (".5" and
     * "5." too, not "."), an optional exponent ("e-3", "E+2"); nothing else (no spaces, hex,
     * "Infinity", "NaN", "1_000", or type suffix).
     */
    public static boolean isDecimal(String s) {
        int i = sign(s);
        int before = digits(s, i);
        i += before;
        int after = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            after = digits(s, i + 1);
            i += 1 + after;
        }
        if (before + after == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(s, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == s.length();
    }

    /**
     * The double nearest to the decimal {@code s} (ties to even), ±Infinity beyond the largest
     * double and ±0 below the smallest, as IEEE 754 and the JVM's {@code Double.parseDouble} give.
     * Fast up to 19 significant digits; past them the work grows with the square of the digits' count.
     *
     * @throws NumberFormatException unless {@link #isDecimal}
     */
    public static double parse(String s) {
        if (!isDecimal(s)) {
            throw new NumberFormatException("not a plain decimal: " + Format.clip(s));
        }
        boolean negative = s.charAt(0) == '-';
        char[] digits = new char[s.length()]; // the significant digits, without leading zeros
        int n = 0;
        int exponent = 0; // the last digit's power of ten
        boolean afterPoint = false;
        int i = sign(s);
        for (; i < s.length() && s.charAt(i) != 'e' && s.charAt(i) != 'E'; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                afterPoint = true;
                continue;
            }
            if (n > 0 || c != '0') {
                digits[n++] = c;
            }
            if (afterPoint) {
                exponent--;
            }
        }
        if (i < s.length()) {
            int j = i + 1;
            boolean down = s.charAt(j) == '-';
            j = s.charAt(j) == '-' || s.charAt(j) == '+' ? j + 1 : j;
            long e = 0;
            for (; j < s.length(); j++) {
                e = Math.min(e * 10 + (s.charAt(j) - '0'), 1_000_000_000L); // far past any double either way
            }
            exponent += (int) (down ? -e : e);
        }
        while (n > 0 && digits[n - 1] == '0') {
            n--; // "1500" is 15e2, and "1e20" stays on the short path
            exponent++;
        }
        double magnitude;
        if (n == 0 || n + (long) exponent < -325) {
            magnitude = 0; // below half the smallest subnormal, 4.9e-324
        } else if (n + (long) exponent > 310) {
            magnitude = Double.POSITIVE_INFINITY;
        } else {
            long m = 0; // unsigned: 19 digits may pass Long.MAX_VALUE
            for (int k = 0; k < Math.min(n, 19); k++) {
                m = m * 10 + (digits[k] - '0');
            }
            if (n <= 15 && Math.abs(exponent) <= 22) {
                // Below 2^53 the digits are an exact double, as is 10^|e|: one IEEE operation, rounded once.
                magnitude = exponent >= 0 ? m * POWERS[exponent] : m / POWERS[-exponent];
            } else {
                long bits = n <= 19 ? EiselLemire.bits(m, exponent) : -1;
                if (bits >= 0) {
                    magnitude = Double.longBitsToDouble(bits);
                } else {
                    BigInteger big = new BigInteger(new String(digits, 0, n));
                    magnitude = exponent >= 0 ? nearest(big.multiply(tenTo(exponent)), BigInteger.ONE)
                            : nearest(big, tenTo(-exponent));
                }
            }
        }
        // The sign bit, not -magnitude: TeaVM 0.16's Wasm GC compiles a double's minus as 0.0 - x,
        // which is +0 for x = 0 ("-0" would read as 0 there).
        return negative ? Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) | 1L << 63) : magnitude;
    }

    private static final BigInteger[] TEN_TO = new BigInteger[400];

    /** 10^e, kept: the same few powers serve every number of a file. */
    private static BigInteger tenTo(int e) {
        if (e >= TEN_TO.length) {
            return BigInteger.TEN.pow(e);
        }
        if (TEN_TO[e] == null) {
            TEN_TO[e] = BigInteger.TEN.pow(e);
        }
        return TEN_TO[e];
    }

    /** The double nearest to num / den (both positive), ties to even. */
    private static double nearest(BigInteger num, BigInteger den) {
        // Scale by 2^q so that the quotient k has 53 bits (fewer for a subnormal, where q stops at -1074).
        int q = Math.max(num.bitLength() - den.bitLength() - 53, -1074);
        BigInteger[] kr = divide(num, den, q);
        if (kr[0].bitLength() > 53) {
            q++;
            kr = divide(num, den, q);
        }
        long k = kr[0].longValue();
        BigInteger twice = kr[1].shiftLeft(1);
        BigInteger scaledDen = q >= 0 ? den.shiftLeft(q) : den;
        int c = twice.compareTo(scaledDen);
        if (c > 0 || c == 0 && (k & 1) == 1) {
            k++;
        }
        if (k == 1L << 53) {
            k >>= 1;
            q++;
        }
        if (q > 971) {
            return Double.POSITIVE_INFINITY; // (2^53 − 1)·2^971 is the largest double
        }
        long bits = k < 1L << 52 ? k : (long) (q + 1075) << 52 | k - (1L << 52);
        return Double.longBitsToDouble(bits);
    }

    /** num / (den·2^q) as quotient and remainder (the remainder over den·2^q, or over den with num·2^-q). */
    private static BigInteger[] divide(BigInteger num, BigInteger den, int q) {
        return q >= 0 ? num.divideAndRemainder(den.shiftLeft(q)) : num.shiftLeft(-q).divideAndRemainder(den);
    }

    /**
     * Text that {@link #parse} (and the JVM's {@code Double.parseDouble}) reads back to exactly
     * {@code v}, without a needless ".0": a whole number below 10^15 as a whole number ("2", "-3"),
     * else the platform's {@code Double.toString} when it reads back ("0.1", "1.0E-7", "1.0E15"), else
     * 16 or 17 significant digits, e.g. "6.0282600563365873E-2"; "-0" for -0.
     *
     * @throws IllegalArgumentException if {@code v} is not finite
     */
    public static String text(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("no decimal for " + v);
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        for (int digits = 16; !(isDecimal(s) && same(parse(s), v)); digits++) {
            if (digits > 17) {
                throw new AssertionError("17 digits always identify a double: " + v);
            }
            s = significant(v, digits);
        }
        return s;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /** {@code v} (finite, not 0) to {@code digits} significant digits, rounded half to even: "d.dddE-x". */
    private static String significant(double v, int digits) {
        long bits = Double.doubleToLongBits(Math.abs(v));
        int biased = (int) (bits >>> 52);
        long k = biased == 0 ? bits : bits & (1L << 52) - 1 | 1L << 52;
        int q = (biased == 0 ? 1 : biased) - 1075;
        BigInteger num = BigInteger.valueOf(k);
        BigInteger den = BigInteger.ONE;
        if (q >= 0) {
            num = num.shiftLeft(q);
        } else {
            den = den.shiftLeft(-q);
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v))); // the first digit's power of ten, or off by one
        while (true) {
            int shift = digits - 1 - e;
            BigInteger n = shift >= 0 ? num.multiply(tenTo(shift)) : num;
            BigInteger d = shift >= 0 ? den : den.multiply(tenTo(-shift));
            BigInteger[] qr = n.divideAndRemainder(d);
            int c = qr[1].shiftLeft(1).compareTo(d);
            BigInteger rounded = c > 0 || c == 0 && qr[0].testBit(0) ? qr[0].add(BigInteger.ONE) : qr[0];
            String text = rounded.toString();
            if (text.length() > digits) {
                e++; // the estimate was low, or rounding carried into a new digit
            } else if (text.length() < digits) {
                e--;
            } else {
                int end = text.length();
                while (end > 2 && text.charAt(end - 1) == '0') {
                    end--;
                }
                return (v < 0 ? "-" : "") + text.charAt(0) + "." + (end > 1 ? text.substring(1, end) : "0") + "E" + e;
            }
        }
    }

    private static int sign(String s) {
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    }

    /** How many digits 0-9 follow in {@code s} from {@code from}. */
    static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
