package scratchnet.web;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.file.Blob;

/** Typed wrappers for the browser's file APIs that teavm-jso-apis lacks: FileReader and object URLs. */
final class FileApi {
    /** The browser's {@code FileReader}: reads a file the person picked, then fires load or error. */
    @JSClass
    public static class FileReader implements JSObject {
        public FileReader() {
        }

        public native void readAsText(Blob blob);

        /** The text read, once loaded. */
        @JSProperty
        public native String getResult();

        @JSProperty("onload")
        public native void setOnLoad(EventListener<Event> listener);

        @JSProperty("onerror")
        public native void setOnError(EventListener<Event> listener);
    }

    /** The browser's {@code URL}, for {@code blob:} URLs of data made on the page. */
    @JSClass(name = "URL")
    public static class Url implements JSObject {
        private Url() {
        }

        public static native String createObjectURL(Blob blob);

        public static native void revokeObjectURL(String url);
    }

    private FileApi() {
    }
}
