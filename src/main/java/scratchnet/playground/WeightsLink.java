package scratchnet.playground;

import java.util.List;
import scratchnet.engine.Value;

/**
 * A small model's trained weights in a share link ({@code w=...}): every parameter, in
 * {@link scratchnet.nn.MLP#parameters()} order, as its 8 bytes (IEEE 754, big-endian) in
 * URL-safe base64. Exact, so the link reproduces the model's predictions bit for bit.
 */
public final class WeightsLink {
    /** Larger models are not put in links: the link would grow past what browsers and chats keep. */
    public static final int MAX_PARAMETERS = 300;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** The {@code w} value for these parameters, or null if there are more than {@link #MAX_PARAMETERS}. */
    public static String encode(List<Value> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            return null;
        }
        byte[] bytes = new byte[parameters.size() * 8];
        for (int i = 0; i < parameters.size(); i++) {
            long bits = Double.doubleToLongBits(parameters.get(i).data);
            for (int b = 0; b < 8; b++) {
                bytes[i * 8 + b] = (byte) (bits >>> (56 - 8 * b));
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 3) {
            int n = Math.min(3, bytes.length - i);
            int chunk = (bytes[i] & 0xff) << 16 | (n > 1 ? (bytes[i + 1] & 0xff) << 8 : 0) | (n > 2 ? bytes[i + 2] & 0xff : 0);
            for (int c = 0; c <= n; c++) {
                s.append(ALPHABET.charAt(chunk >>> (18 - 6 * c) & 63));
            }
        }
        return s.toString();
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
        byte[] bytes = new byte[parameters.size() * 8];
        int bit = 0;
        int acc = 0;
        int out = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                return "w: the link's weights are damaged, so it starts from fresh weights";
            }
            acc = acc << 6 | v;
            bit += 6;
            if (bit >= 8) {
                bit -= 8;
                if (out < bytes.length) {
                    bytes[out++] = (byte) (acc >>> bit);
                }
                acc &= (1 << bit) - 1;
            }
        }
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            long bits = 0;
            for (int b = 0; b < 8; b++) {
                bits = bits << 8 | (bytes[i * 8 + b] & 0xff);
            }
            values[i] = Double.longBitsToDouble(bits);
            if (!Double.isFinite(values[i]) || Math.abs(values[i]) > 1e6) {
                return "w: the link's weights are damaged, so it starts from fresh weights";
            }
        }
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).data = values[i];
        }
        return null;
    }

    private WeightsLink() {
    }
}
