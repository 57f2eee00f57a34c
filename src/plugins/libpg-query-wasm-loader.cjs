// libpg-query's emscripten glue looks for its .wasm next to the document and takes no options when
// it loads. Pointing it at `new URL(…, import.meta.url)` lets the bundler emit the .wasm as an asset
// under the site's base URL; the module then exports the factory the ESM way.
module.exports = function libpgQueryWasmLoader(source) {
  const located = source.replace(
    'function findWasmBinary(){return locateFile("libpg-query.wasm")}',
    'function findWasmBinary(){return new URL("./libpg-query.wasm",import.meta.url).href}',
  );
  const exported = located.replace(/if\(typeof exports==="object"&&typeof module==="object"\)[\s\S]*$/, 'export default PgQueryModule;');
  if (located === source || exported === located) throw new Error('libpg-query.js changed: update libpg-query-wasm-loader.cjs');
  return exported;
};
