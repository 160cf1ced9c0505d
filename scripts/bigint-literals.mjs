// Rollup plugin: rewrites BigInt literals (`1n`) in built chunks as `BigInt("1")` calls. An engine
// without BigInt (some mini-program engines) cannot even parse a file holding a literal, so a
// module that checks for BigInt before using it would never get to run; a call only fails if it runs.
import MagicString from 'magic-string';

/** Every node of an ESTree AST, depth first. */
function* nodes(node) {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodes(child);
  } else if (node && typeof node.type === 'string') {
    yield node;
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') yield* nodes(value);
  }
}

/** @returns {import('rollup').Plugin} */
export function bigintLiterals() {
  return {
    name: 'bigint-literals',
    renderChunk(code) {
      if (!/\d[\d_]*n\b/.test(code)) return null;
      const out = new MagicString(code);
      let changed = false;
      for (const node of nodes(this.parse(code))) {
        if (node.type === 'Literal' && typeof node.bigint === 'string') {
          out.overwrite(node.start, node.end, `BigInt(${JSON.stringify(BigInt(node.bigint).toString())})`);
          changed = true;
        }
      }
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
