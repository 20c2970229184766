// fast-json-patch's ES module (the package has no `exports` map, so Node would otherwise load its
// CommonJS build, whose named exports it cannot see), typed as the package.
declare module 'fast-json-patch/index.mjs' {
  export * from 'fast-json-patch';
}
