package scratchnet.playground.share;

import java.util.Base64;
import java.util.List;
import scratchnet.engine.Value;

/**
 * A small model's trained weights in a share link ({@code w=...}): every parameter, in
 * {@link scratchnet.nn.MLP#parameters()} order, as its 8 bytes (IEEE 754, big-endian) in
 * URL-safe base64 without padding. Exact, so the link reproduces the model's predictions bit for bit.
 */
public final class WeightsLink {
    /** Larger models are not put in links: the link would grow past what browsers and chats keep. */
    public static final int MAX_PARAMETERS = 300;

    /** The {@code w} value for these parameters, or null if there are more than {@link #MAX_PARAMETERS}. */
    public static String encode(List<Value> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            return null;
        }
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).data;
        }
        return encodeNumbers(values);
    }

    /** Numbers as their 8 bytes each (IEEE 754, big-endian), URL-safe base64 without padding: exact. */
    static String encodeNumbers(double[] values) {
        byte[] bytes = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToLongBits(values[i]);
            for (int b = 0; b < 8; b++) {
                bytes[i * 8 + b] = (byte) (bits >>> (56 - 8 * b));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@link #encodeNumbers}' text read back: exactly {@code count} numbers, or null if it is not that. */
    static double[] decodeNumbers(String text, int count) {
        if (text.length() != (count * 8 * 4 + 2) / 3) {
            return null;
        }
        // TeaVM's decoder (0.16, JS and Wasm GC) decodes any character without complaint, where the
        // JVM's throws: so the alphabet is checked here, the same way everywhere (Base64IT).
        for (int i = 0; i < text.length(); i++) {
            if (!isUrlBase64(text.charAt(i))) {
                return null;
            }
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            long bits = 0;
            for (int b = 0; b < 8; b++) {
                bits = bits << 8 | (bytes[i * 8 + b] & 0xff);
            }
            values[i] = Double.longBitsToDouble(bits);
        }
        return values;
    }

    /**
     * Reads {@code text} into {@code parameters}' data, only if it holds exactly that many finite
     * numbers; otherwise leaves them untouched and returns a note saying why.
     *
     * @return null when the weights were loaded
     */
    public static String decode(String text, List<Value> parameters) {
        int expectedChars = (parameters.size() * 8 * 4 + 2) / 3;
        if (text.length() != expectedChars) {
            return "w: the link's weights do not fit this network (" + parameters.size()
                    + " parameters), so it starts from fresh weights";
        }
        double[] values = decodeNumbers(text, parameters.size());
        if (values == null) {
            return "w: the link's weights are damaged, so it starts from fresh weights";
        }
        for (double v : values) {
            if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
                return "w: the link's weights are damaged, so it starts from fresh weights";
            }
        }
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).data = values[i];
        }
        return null;
    }

    private static boolean isUrlBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private WeightsLink() {
    }
}
