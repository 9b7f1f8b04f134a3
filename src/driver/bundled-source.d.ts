/**
 * `import source from './module.ts?bundled-source'`: the module bundled with everything it
 * imports into one self-contained classic script, as a string (see the plugin in vite.config.ts).
 */
declare module '*?bundled-source' {
  const source: string;
  export default source;
}
