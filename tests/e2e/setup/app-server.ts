import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { appEnvironment, root, startAppProcess } from '../helpers/app-process';

declare module 'vitest' {
  interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const resultsDir = path.join(root, 'test-results');
const logPath = path.join(resultsDir, 'e2e-server.log');
// .ci/run kills this process group if vitest itself was killed before its teardown ran.
export const pidPath = path.join(resultsDir, 'e2e-server.pid');

// Starts the built app (server.ts) on a free port with an empty data dir; E2E_BASE_URL tests a running app instead.
export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('e2eBaseUrl', external.replace(/\/+$/, ''));
    return;
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next: run `npm run build` (next build) before `npm run test:e2e`.');
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bandeja-e2e-'));
  await mkdir(resultsDir, { recursive: true });
  const app = await startAppProcess({ env: (port) => appEnvironment(port, dataDir), logPath, onStarted: (pid) => writeFile(pidPath, String(pid)) }).catch(async (error: unknown) => {
    await rm(pidPath, { force: true });
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  project.provide('e2eBaseUrl', app.baseUrl);
  return async () => {
    await app.stop();
    await rm(pidPath, { force: true });
    await rm(dataDir, { recursive: true, force: true });
  };
}
