/**
 * `loket/layers`: the import rules of DESIGN.md ("enforced by lint, not by memory").
 *
 * Each import (relative, or through the @shared/@core/@api/@server aliases) is resolved to a file
 * path and the importing file's layer is checked against the imported file's layer. Packages are
 * checked only where a layer's runtime forbids them: 'electron' outside the desktop glue, Node
 * built-ins in code that runs in a page (shared, preload, renderer), React in shared.
 */
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const ALIASES = {
  '@shared': 'src/shared',
  '@core': 'src/main/core',
  '@api': 'src/main/api',
  '@server': 'src/main/server',
}

/** First matching prefix wins; paths are relative to the repository root, with '/'. */
const LAYER_PREFIXES = [
  ['src/shared/', 'shared'],
  ['src/main/core/', 'core'],
  ['src/main/api/', 'api'],
  ['src/main/server/', 'server'],
  ['src/main/desktop/', 'desktop'],
  ['src/preload/', 'preload'],
  ['src/renderer/', 'renderer'],
  ['src/main/', 'entry'], // serve.ts, cli.ts, cli/**, host.ts, version.ts
]

/** What each layer may import from our own code. */
const ALLOWED = {
  shared: ['shared'],
  core: ['core', 'shared'],
  api: ['api', 'core', 'shared'],
  server: ['server', 'api', 'shared'],
  desktop: ['desktop', 'api', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
  entry: ['entry', 'shared', 'core', 'api', 'server'],
  'electron-entry': ['electron-entry', 'entry', 'shared', 'core', 'api', 'server', 'desktop'],
}
/** Layers a layer may import with `import type` only (the renderer's typed API client). */
const TYPE_ONLY = { renderer: ['api', 'preload'] }
const MAY_IMPORT_ELECTRON = new Set(['desktop', 'preload', 'electron-entry'])
/** Code that runs in a page (or a sandboxed preload) has no Node built-ins. */
const NO_NODE_BUILTINS = new Set(['shared', 'preload', 'renderer'])

const LAYER_NAMES = {
  shared: 'src/shared',
  core: 'src/main/core',
  api: 'src/main/api',
  server: 'src/main/server',
  desktop: 'src/main/desktop',
  preload: 'src/preload',
  renderer: 'src/renderer',
  entry: 'src/main entry files (serve, cli, host, version)',
  'electron-entry': 'src/main/index.ts',
}

const NODE_BUILTINS = new Set(builtinModules)
const toPosix = (p) => p.split(path.sep).join('/')
const isConfigFile = (rel) =>
  /(^|\/)[^/]+\.config\.[cm]?[jt]s$/.test(rel) || rel === 'eslint.config.js'
const isTestFile = (rel) =>
  /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(rel) || rel.startsWith('test/')

/** The layer of a file given relative to the repository root, or null outside src/. */
export function layerOf(rel) {
  if (rel === 'src/main/index.ts') return 'electron-entry'
  const match = LAYER_PREFIXES.find(([prefix]) => rel.startsWith(prefix))
  return match ? match[1] : null
}

function resolveSpecifier(spec, fromFile) {
  if (spec === 'electron' || spec.startsWith('electron/')) return { kind: 'electron' }
  for (const [alias, dir] of Object.entries(ALIASES)) {
    if (spec === alias || spec.startsWith(`${alias}/`)) {
      return fileTarget(path.join(ROOT, dir, spec.slice(alias.length)))
    }
  }
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
    return fileTarget(path.resolve(path.dirname(fromFile), spec))
  }
  if (
    spec.startsWith('node:') ||
    NODE_BUILTINS.has(spec) ||
    NODE_BUILTINS.has(spec.split('/')[0])
  ) {
    return { kind: 'node' }
  }
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
  return { kind: 'package', name }
}

function fileTarget(absolute) {
  const rel = toPosix(path.relative(ROOT, absolute))
  return { kind: 'file', rel, layer: isConfigFile(rel) ? 'config' : layerOf(rel) }
}

/** `../auth`, `../auth/index`: fine; `../auth/sessions`: reaches into the auth domain. */
function coreDomainViolation(sourceRel, targetRel) {
  const inCore = (rel) =>
    rel.startsWith('src/main/core/') ? rel.slice('src/main/core/'.length).split('/') : null
  const target = inCore(targetRel)
  if (!target || target.length < 2) return null // a core root file (clock, deps) or a domain index
  const domain = target[0]
  const source = inCore(sourceRel)
  const sourceDomain = source && source.length >= 2 ? source[0] : null
  if (domain === 'db' || domain === sourceDomain) return null
  const rest = target.slice(1)
  if (rest.length === 1 && /^index(\.[cm]?[jt]sx?)?$/.test(rest[0])) return null
  // A domain's test fixtures (testing.ts) serve other domains' tests and fixtures.
  const isTestCode = /(\.test\.[cm]?[jt]sx?|\/testing\.[cm]?[jt]s)$/.test(sourceRel)
  if (isTestCode && rest.length === 1 && /^testing(\.[cm]?[jt]s)?$/.test(rest[0])) return null
  return domain
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  const specifiers = node.specifiers ?? []
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  )
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer import rules of DESIGN.md' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{to}} ({{spec}}). It may import: {{allowed}}.',
      typeOnly: '{{from}} may import {{to}} with `import type` only ({{spec}}).',
      electron:
        "Only src/main/desktop, src/preload and src/main/index.ts may import 'electron' ({{spec}}).",
      node: '{{from}} runs without Node: no Node built-in modules ({{spec}}).',
      react: 'src/shared is plain TypeScript: no React ({{spec}}).',
      domain:
        "Import the '{{domain}}' core domain through its index.ts, not its internals ({{spec}}).",
      testCode: 'Application code may not import test code ({{spec}}).',
    },
  },
  create(context) {
    const filename = context.filename
    const sourceRel = toPosix(path.relative(ROOT, filename))
    if (isConfigFile(sourceRel)) return {}
    const sourceLayer = layerOf(sourceRel)

    function check(node, spec, typeOnly) {
      if (typeof spec !== 'string') return
      const target = resolveSpecifier(spec, filename)
      const data = { spec: `'${spec}'`, from: LAYER_NAMES[sourceLayer] ?? sourceRel }
      if (target.kind === 'electron') {
        if (!MAY_IMPORT_ELECTRON.has(sourceLayer))
          context.report({ node, messageId: 'electron', data })
        return
      }
      if (!sourceLayer) return // test/, scripts/: only the electron rule applies
      if (target.kind === 'node') {
        if (NO_NODE_BUILTINS.has(sourceLayer) && !typeOnly) {
          context.report({ node, messageId: 'node', data })
        }
        return
      }
      if (target.kind === 'package') {
        if (sourceLayer === 'shared' && (target.name === 'react' || target.name === 'react-dom')) {
          context.report({ node, messageId: 'react', data })
        }
        return
      }
      if (!target.layer) {
        if (target.rel.startsWith('test/') && !isTestFile(sourceRel)) {
          context.report({ node, messageId: 'testCode', data })
        }
        return
      }
      const to = LAYER_NAMES[target.layer] ?? target.rel
      if (!ALLOWED[sourceLayer].includes(target.layer)) {
        const typeOnlyOk = (TYPE_ONLY[sourceLayer] ?? []).includes(target.layer)
        if (typeOnlyOk && typeOnly) return
        const allowed = ALLOWED[sourceLayer].map((l) => LAYER_NAMES[l]).join(', ')
        context.report({
          node,
          messageId: typeOnlyOk ? 'typeOnly' : 'layer',
          data: { ...data, to, allowed },
        })
        return
      }
      const domain = target.layer === 'core' ? coreDomainViolation(sourceRel, target.rel) : null
      if (domain) context.report({ node, messageId: 'domain', data: { ...data, domain } })
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument
        check(node, literal?.value, true)
      },
      TSExternalModuleReference: (node) => check(node, node.expression.value, false),
      CallExpression: (node) => {
        const [arg] = node.arguments
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          arg?.type === 'Literal'
        ) {
          check(node, arg.value, false)
        }
      },
    }
  },
}

export default {
  meta: { name: 'eslint-plugin-loket' },
  rules: { layers: rule },
}
