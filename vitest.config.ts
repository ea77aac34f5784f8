// Two projects: fast unit and Node integration tests, and browser tests that drive the production
// build in Debian's Chromium with an emulated Quest 3. Browser tests share one built dist/.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        // troika's packages have no `exports`, so Node would load their `main`, UMD builds that require a
        // second, CommonJS three; their ES builds import the same three as the app and the tests.
        resolve: {
          alias: [
            {
              find: /^troika-three-(text|utils)$/,
              replacement: 'troika-three-$1/dist/troika-three-$1.esm.js',
            },
          ],
        },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // A test that asserts nothing cannot fail where the problem is.
          expect: { requireAssertions: true },
          // Vitest's default on two cores is one file at a time, but the integration files spend much of their
          // time waiting on servers, brokers and Redis they spawn: three workers keep both cores busy
          // (3.5 minutes → 2 here; four workers pay more in module loading than they gain).
          maxWorkers: 3,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Fails any test whose pages made an off-origin request or logged an undeclared console error.
          setupFiles: ['test/browser/page-checks.setup.ts'],
          // One Chromium for all files: shader pipelines compiled on the CPU stay compiled between them.
          globalSetup: ['test/browser/shared-chromium.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Software GL on two cores: a state can take several slow frames to show.
          expect: { requireAssertions: true, poll: { timeout: 15_000 } },
          // One Chromium at a time: the machine has two cores and software GL is heavy.
          fileParallelism: false,
          // The files share one worker's modules: each file otherwise loaded the harness, the server and
          // Playwright again (34 s of setup over the 27 files of a full run; 6 s for four files → 2 s).
          // Nothing a file leaves behind is shared: its server, contexts and pages close with it.
          isolate: false,
        },
      },
    ],
  },
})
