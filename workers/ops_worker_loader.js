// Starts the operations worker. Messages that arrive while its WebAssembly is still loading are
// kept and handed to the Rust handler once it is installed, so the first request is not lost.
importScripts("./ops_worker.js");
const early = [];
self.onmessage = (event) => early.push(event);
wasm_bindgen({ module_or_path: "./ops_worker_bg.wasm" }).then(() => {
  for (const event of early.splice(0)) self.onmessage(event);
});
