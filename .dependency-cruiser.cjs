/**
 * The walls of the house (issue 15), checked by test/architecture/walls.test.ts:
 * - service adapters know nothing of Teams: no botbuilder, no Teams side, no dialogs;
 * - product code never imports a simulator, except the sandbox wiring that starts them;
 * - the composition root (src/app.ts, src/index.ts) is imported by nobody;
 * - no import circles outside the simulators (type-only imports count: they tie modules just the same);
 * - the alert core knows waiting rooms only through src/alerts/source.ts: no service adapter, no source's insides.
 * `farm-studio look` draws the circles and the names that tie them.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'adapters-know-no-teams',
      comment: 'UCWA and Huawei adapters return typed results and errors; the Teams side turns them into sentences and cards.',
      severity: 'error',
      from: { path: '^src/(ucwa|huawei)/', pathNot: '^src/(ucwa|huawei)/simulator/' },
      to: { path: ['(^|/)node_modules/(botbuilder|botbuilder-dialogs|botframework-connector|adaptivecards-templating)/', '^src/(teams|cards|alerts|presence|accounts|capabilities|localChannel|sandbox|server)/', '^dialogs/'] },
    },
    {
      name: 'no-simulators-in-product-code',
      comment: 'Simulators stand in for real services only in sandbox mode; product code reaches them through configuration.',
      severity: 'error',
      from: { path: '^(src|dialogs)/', pathNot: ['^src/sandbox/', '^src/(ucwa|huawei)/simulator/'] },
      to: { path: '^src/(ucwa|huawei)/simulator/' },
    },
    {
      name: 'composition-root-imported-by-nobody',
      comment: 'Shared types live in modules of their own; the root only composes.',
      severity: 'error',
      from: { pathNot: '^src/index\\.ts$' },
      to: { path: '^src/(app|index)\\.ts$' },
    },
    {
      name: 'alert-core-knows-sources-by-interface',
      comment: 'The outbox, records, cards, buttons and lobby commands reach a platform only through WaitingRoomSource (src/alerts/source.ts); the capability composes the sources.',
      severity: 'error',
      from: { path: ['^src/alerts/(actions|arrivals|bursts|meetings|outbox|people|records|service|source|texts)\\.ts$', '^src/cards/lobby/', '^dialogs/lobby/lobby\\.ts$'] },
      to: { path: ['^src/(ucwa|huawei)/', '^src/alerts/sources/'] },
    },
    {
      name: 'no-circular',
      comment: 'Shared types go in modules of their own; a dependency that runs back is inverted with a small interface. Simulators are test doubles and exempt.',
      severity: 'error',
      from: { pathNot: '^src/[^/]+/simulator/' },
      to: { circular: true, pathNot: '^src/[^/]+/simulator/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: ['^dist/', '^test/', '^bench/'] },
  },
};
