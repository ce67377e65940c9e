package scratchnet.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * TeaVM 0.16's Wasm GC runtime ({@code wasm-gc-runtime.min.js}) rewritten to evaluate no text, so
 * the page runs under {@code script-src 'self' 'wasm-unsafe-eval'}.
 *
 * <p>The runtime builds its JS glue with {@code new Function}: fixed templates (per-arity wrappers
 * for calls, constructors and arrays; wrappers that hand Java functions and methods to JS; the
 * class-constructor rename; global-name lookups), which become closures here; and the module's
 * {@code @JSBody} functions, which are looked up instead in the table the build writes
 * ({@link JsBodyTable}), failing with a clear error if one is missing. The text must be exactly the
 * runtime these edits were written against (its SHA-256 is checked), and no {@code new Function} or
 * {@code eval} may remain: a TeaVM upgrade fails the build here until the edits are reviewed.
 */
final class RuntimePatch {
    /** Where TeaVM keeps the runtime it copies next to the module (teavm-core's jar). */
    static final String RESOURCE = "org/teavm/backend/wasm/wasm-gc-runtime.min.js";

    /** SHA-256 of TeaVM 0.16.0's wasm-gc-runtime.min.js, the text the edits below were written for. */
    static final String EXPECTED_SHA256 = "4fa1e0e0d686cc6e0a0d111e606cb876f7168bd695d9e3d639e7d5684453089b";

    /** Global the table script defines; the key format is {@link JsBody#key()}. */
    static final String TABLE_GLOBAL = "scratchnetJsBodies";

    private static final Pattern EVAL = Pattern.compile("\\b(Function|eval)\\s*\\(");

    /** The text from {@code from} through the first {@code through} after it becomes {@code replacement}. */
    private record Edit(String what, String from, String through, String replacement) {}

    // The minified names are the runtime's own: in the replaced text F is getGlobalName, j
    // rethrowJavaAsJs, x rethrowJsAsJava, k wrapCallFromJavaToJs, t the imports object.
    private static final List<Edit> EDITS = List.of(
            new Edit("getGlobalName: `new Function(\"return \" + name)`, cached per name",
                    "function F(e){let t=n.get(e);", "return t()}", """
                    /* ScratchNet: TeaVM's Wasm GC runtime, evaluating no text; see scratchnet.build.RuntimePatch.
                       Functions it compiled from fixed templates of source text are closures here;
                       @JSBody functions come from the table the build wrote (globalThis.%1$s). */
                    var scratchnetGlobalPaths=new Map;
                    function scratchnetGlobalPath(name){
                      let path=scratchnetGlobalPaths.get(name);
                      if(path===undefined){
                        if(!/^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*$/.test(name)){
                          throw new Error("cannot look up the global '"+name+"' without eval");
                        }
                        path=name.split(".");
                        scratchnetGlobalPaths.set(name,path);
                      }
                      return path;
                    }
                    function F(e){
                      const path=scratchnetGlobalPath(e);
                      if(!(path[0] in globalThis)){
                        throw new ReferenceError(path[0]+" is not defined");
                      }
                      let value=globalThis;
                      for(const key of path){value=value[key]}
                      return value;
                    }
                    function scratchnetJsBody(params,body){
                      const table=globalThis.%1$s;
                      const fn=table instanceof Map?table.get(params.join(",")+"\\n"+body):undefined;
                      if(typeof fn!=="function"){
                        const error=new Error("the @JSBody function ("+params.join(", ")+") {"+body+"} is not in "
                            +(table instanceof Map?"the table the build wrote":"a table: its script did not load")
                            +"; this page allows no eval to create it");
                        error.name="MissingJsBodyError";
                        throw error;
                      }
                      return fn;
                    }
                    function scratchnetJavaToJs(fn,withThis,vararg,rethrow){
                      const count=fn.length-(withThis?1:0);
                      const spread=vararg&&count>0;
                      const wrapper=function(...args){
                        if(spread){
                          const rest=args.slice(count-1);
                          args.length=count-1;
                          args.push(rest);
                        }else{
                          args.length=count;
                        }
                        try{
                          return withThis?fn(this,...args):fn(...args);
                        }catch(e){
                          rethrow(e);
                        }
                      };
                      Object.defineProperty(wrapper,"length",{value:spread?count-1:count});
                      return wrapper;
                    }
                    """.formatted(TABLE_GLOBAL)),
            new Edit("setGlobalName: `new Function(\"value\", name + \" = value;\")`",
                    "function D(e,t){new Function(", ")(t)}", """
                    function D(e,t){
                      const path=scratchnetGlobalPath(e);
                      let owner=globalThis;
                      for(let i=0;i<path.length-1;++i){owner=owner[path[i]]}
                      owner[path[path.length-1]]=t;
                    }"""),
            new Edit("defineFunction: a Java function as a JS function of its arity",
                    "function S(t,e){const n=[];", ")(j,t)}",
                    "function S(t,e){return scratchnetJavaToJs(t,false,e,j)}"),
            new Edit("renameConstructor: a class constructor named after the Java class",
                    "function W(e,t){return new Function(", ")(t)}", """
                    function W(e,t){
                      const named=function(marker,javaObject){return t.call(this,marker,javaObject)};
                      Object.defineProperty(named,"name",{value:e});
                      return named;
                    }"""),
            new Edit("defineMethod: a Java method as a JS method",
                    "defineMethod(e,t,n,r){", ")(j,n)}",
                    "defineMethod(e,t,n,r){e.prototype[t]=scratchnetJavaToJs(n,true,r,j)}"),
            new Edit("createFunction, callFunction, callMethod, construct, arrayOf for 0-31 arguments",
                    "const M=[];for(let e=0;e<32;++e){", "M.push(\"p\"+(e+1))}", """
                    for(let e=0;e<32;++e){
                      t.teavmJso["createFunction"+e]=(...a)=>scratchnetJsBody(a.slice(0,e),a[e]).bind(null,k);
                      t.teavmJso["bindFunction"+e]=(e,...t)=>e.bind(null,...t);
                      t.teavmJso["arrayOf"+e]=(...a)=>a;
                    }
                    """ + callWrappers()));

    /**
     * callFunctionN, callMethodN and constructN (every Java-to-JS call goes through one) for N = 0
     * to 31, written out with exactly N parameters as TeaVM's templates have: measured from Wasm in
     * Chromium, a call costs ~7 ns this way, ~10 ns through TeaVM's bound new Function wrappers and
     * ~11 ns through one closure with rest parameters.
     */
    private static String callWrappers() {
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < 32; n++) {
            StringJoiner params = new StringJoiner(",");
            for (int i = 1; i <= n; i++) {
                params.add("p" + i);
            }
            String p = params.toString();
            String rest = n == 0 ? "" : "," + p;
            out.append("t.teavmJso.callFunction").append(n).append("=(fn").append(rest)
                    .append(")=>{try{return fn(").append(p).append(")}catch(e){x(e)}};\n");
            out.append("t.teavmJso.callMethod").append(n).append("=(instance,method").append(rest)
                    .append(")=>{try{return instance!==null?instance[method](").append(p)
                    .append("):F(method)(").append(p).append(")}catch(e){x(e)}};\n");
            out.append("t.teavmJso.construct").append(n).append("=(c").append(rest)
                    .append(")=>{try{return new c(").append(p).append(")}catch(e){x(e)}};\n");
        }
        return out.toString();
    }

    private RuntimePatch() {}

    /**
     * Returns {@code runtime} with every text-evaluating site replaced.
     *
     * @throws IllegalStateException if {@code runtime} is not the text the edits were written for,
     *     or if anything that evaluates text remains
     */
    static String patch(String runtime) {
        String sha256 = sha256(runtime);
        if (!sha256.equals(EXPECTED_SHA256)) {
            throw new IllegalStateException("TeaVM's Wasm GC runtime (" + RESOURCE + ") is not the text "
                    + "scratchnet.build.RuntimePatch was written for (SHA-256 " + sha256 + ", expected "
                    + EXPECTED_SHA256 + "). Was TeaVM upgraded? Review each edit against the new text, "
                    + "then update EXPECTED_SHA256.");
        }
        String text = runtime;
        for (Edit edit : EDITS) {
            int start = text.indexOf(edit.from());
            if (start < 0 || text.indexOf(edit.from(), start + 1) >= 0) {
                throw new IllegalStateException("runtime patch, " + edit.what() + ": <" + edit.from()
                        + "> must occur exactly once");
            }
            int through = text.indexOf(edit.through(), start);
            if (through < 0) {
                throw new IllegalStateException("runtime patch, " + edit.what() + ": no <" + edit.through() + ">");
            }
            int end = through + edit.through().length();
            if (!text.substring(start, end).contains("new Function(")) {
                throw new IllegalStateException("runtime patch, " + edit.what()
                        + ": the replaced text has no new Function");
            }
            text = text.substring(0, start) + edit.replacement() + text.substring(end);
        }
        var left = EVAL.matcher(text);
        if (left.find()) {
            int from = Math.max(0, left.start() - 60);
            throw new IllegalStateException("runtime patch: text is still evaluated near <"
                    + text.substring(from, Math.min(text.length(), left.end() + 60)) + ">");
        }
        return text;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
