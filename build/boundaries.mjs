// The architecture's import rules as ESLint no-restricted-imports settings, one block per part.
// docs/architecture.md explains them; test/architecture/boundaries.test.ts proves they bite.
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];

/** A part of the code, by folder, and the parts it must never import. */
const rule = (message, regex) => ({ regex, message });
const forbid = {
  node: { paths: nodeBuiltins.map((name) => ({ name, message: 'Node APIs are not available here.' })), patterns: [rule('Node APIs are not available here.', '^node:')] },
  electron: rule('Only the Electron host (electron/main) and the preload may import electron.', '^electron(/|$)'),
  dom: rule('React and DOM code belong in renderer/.', '^(react|react-dom|zustand|i18next|react-i18next)(/|$)'),
  services: rule('Main-process services are reachable only from the hosts (electron/main, electron/browser-host, electron/cli).', '(^|/)services(/|$)'),
  hosts: rule('Hosts sit on top: nothing imports them.', '(^|/)(main|browser-host|cli)(/|$)'),
  preload: rule('The preload is an entry point: nothing imports it.', '(^|/)preload(/|$)'),
  renderer: rule('Main-process code never imports the renderer.', '(^|/)renderer(/|$)'),
  hub: rule('The hub is a server of its own: only the runtime (electron/services/runtime) starts it.', '(^|/)hub(/|$)'),
  nodeLibs: rule('Database, network and logging libraries run only in main-process services.', '^(better-sqlite3|ws|pino|rotating-file-stream|socket\\.io(-client)?)(/|$)'),
};

function restrict(files, { node = false, patterns }) {
  const p = patterns.map(({ regex, message }) => ({ regex, message }));
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', node ? { paths: forbid.node.paths, patterns: [...forbid.node.patterns, ...p] } : { patterns: p }],
    },
  };
}

export const boundaryConfigs = [
  // Pure shared code: contract schemas and domain logic. No Node, no Electron, no DOM, no services.
  restrict(['electron/shared/**/*.ts'], {
    node: true,
    patterns: [forbid.electron, forbid.dom, forbid.services, forbid.hosts, forbid.preload, forbid.renderer, forbid.nodeLibs, forbid.hub],
  }),
  // Services: Node, host-agnostic. No Electron, no DOM, no hosts, no renderer.
  restrict(['electron/services/**/*.ts'], { patterns: [forbid.electron, forbid.dom, forbid.hosts, forbid.preload, forbid.renderer] }),
  // The reference hub: a Node server of its own (run alone, or embedded by the runtime). Shared
  // protocol, logging and migration services; never Electron, the DOM, the hosts or the renderer.
  restrict(['electron/hub/**/*.ts'], { patterns: [forbid.electron, forbid.dom, forbid.preload, forbid.renderer, { ...forbid.hosts, regex: '(^|/)(main|browser-host)(/|$)|^\\.\\./cli(/|$)' }] }),
  // Browser host and CLI: Node plus services; never Electron (they run where it is missing).
  restrict(['electron/browser-host/**/*.ts', 'electron/cli/**/*.{ts,mjs}'], {
    patterns: [forbid.electron, forbid.dom, forbid.preload, forbid.renderer, { ...forbid.hosts, regex: '(^|/)main(/|$)' }],
  }),
  // Electron host: Electron, services, shared. Not the browser host, not the renderer.
  restrict(['electron/main/**/*.ts'], { patterns: [forbid.dom, forbid.renderer, forbid.preload, { ...forbid.hosts, regex: '(^|/)(browser-host|cli)(/|$)' }] }),
  // Preload: sandboxed; only electron's renderer-side API and shared constants.
  restrict(['electron/preload/**/*.ts'], {
    node: true,
    patterns: [forbid.dom, forbid.services, forbid.hosts, forbid.renderer, forbid.nodeLibs, forbid.hub],
  }),
  // Renderer: DOM, React, shared contract. Never Node, Electron, services or hosts.
  restrict(['renderer/src/**/*.{ts,tsx}'], {
    node: true,
    patterns: [forbid.electron, forbid.services, forbid.hosts, forbid.preload, forbid.nodeLibs, forbid.hub],
  }),
];
