package scratchnet.io;

/**
 * Numbers as text, the same on the JVM and in the browser: no locale and no
 * {@code String.format} (its {@code %e} fails under TeaVM). Every number the project writes for
 * people or files goes through here.
 */
public final class Format {
    private Format() {
    }

    /**
     * Text that reads back to exactly {@code v} on every platform ({@link Decimal#text}): 2.0 is
     * {@code "2"}, 0.1 is {@code "0.1"}, -0 is {@code "-0"}; "NaN", "Infinity" or "-Infinity" if it
     * is not finite. For links, files and attributes.
     */
    public static String number(double v) {
        return Double.isFinite(v) ? Decimal.text(v) : Double.toString(v);
    }

    /**
     * {@code v} with {@code decimals} digits after the point, e.g. {@code fixed(0.25, 4)} is
     * {@code "0.2500"}; "—" if it is not finite.
     */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        if (Math.abs(v) >= 1e12) {
            return Double.toString(v);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(v) * scale);
        String digits = Long.toString(units % scale + scale).substring(1); // zero-padded
        return (v < 0 && units != 0 ? "-" : "") + units / scale + (decimals > 0 ? "." + digits : "");
    }

    /**
     * {@code v} rounded to {@code digits} significant digits, for a summary that names a range:
     * {@code significant(-2.3145, 3)} is {@code "-2.31"}, 4.5 is {@code "4.50"}, 1000 is
     * {@code "1000"} (no digits are dropped before the point); scientific below 1e-3 and from 1e6
     * on ({@code "1.23e7"}); "—" if it is not finite.
     */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e-3 && a < 1e6) {
            int decimals = Math.max(0, digits - 1 - decade(a));
            if (decimals > 0 && Math.round(a * Math.pow(10, decimals)) >= Math.pow(10, digits)) {
                decimals--; // 99.96 rounds up to 100: one digit fewer after the point
            }
            return fixed(v, decimals);
        }
        return scientific(v, digits);
    }

    /** The power of ten just below a positive {@code a}; log10 alone may be off by one at exact powers. */
    private static int decade(double a) {
        int e = (int) Math.floor(Math.log10(a));
        if (Math.pow(10, e) > a) {
            e--;
        } else if (Math.pow(10, e + 1) <= a) {
            e++;
        }
        return e;
    }

    /** A fraction as a percentage with one decimal: 0.975 is {@code "97.5%"}; "—" if not finite. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + "%" : "—";
    }

    /** A compact number for tables: 4 decimals, or scientific when that would hide it (e.g. 3.1e-6). */
    public static String compact(double v) {
        if (v == 0 || !Double.isFinite(v) || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) {
            return Double.isNaN(v) ? "NaN" : fixed(v, 4);
        }
        return scientific(v, 2);
    }

    /**
     * {@code v} in scientific notation with {@code digits} significant digits, e.g.
     * {@code scientific(3.2e-9, 2)} is {@code "3.2e-9"} and {@code scientific(12345, 3)} is
     * {@code "1.23e4"}; 0 is {@code "0"}; NaN and infinities are spelled out.
     */
    public static String scientific(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        int decimals = Math.max(0, digits - 1);
        double a = Math.abs(v);
        int exponent = (int) Math.floor(Math.log10(a));
        // Subnormals: 10^exponent itself would underflow to 0, so scale up first.
        double mantissa = exponent < -300 ? a * 1e300 / Math.pow(10, exponent + 300) : a / Math.pow(10, exponent);
        // log10 may be off by one at exact powers, and rounding may carry to 10.0: settle both.
        if (mantissa < 1) {
            mantissa *= 10;
            exponent--;
        }
        String m = fixed(mantissa, decimals);
        if (m.startsWith("10")) {
            exponent++;
            m = fixed(mantissa / 10, decimals);
        }
        return (v < 0 ? "-" : "") + m + "e" + exponent;
    }

    /** At most 40 characters of untrusted text, for a message that quotes it. */
    public static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
