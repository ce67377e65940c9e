// wasm.html's only script: old links to wasm.html open index.html, keeping the query and the hash
// (the page's settings). replace() keeps wasm.html out of the history, so Back does not bounce.
location.replace("index.html" + location.search + location.hash);
