// Starts the XLSX reader worker. Messages that arrive while its WebAssembly is still loading are
// kept and handed to the Rust handler once it is installed, so the first request is not lost.
importScripts("./xlsx_reader.js");
const early = [];
self.onmessage = (event) => early.push(event);
wasm_bindgen({ module_or_path: "./xlsx_reader_bg.wasm" }).then(() => {
  for (const event of early.splice(0)) self.onmessage(event);
});
