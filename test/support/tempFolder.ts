import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new empty folder for each test of the suite it is called in, removed after the test. */
export function temporaryFolderPerTest(prefix: string): { readonly path: string } {
  const folder = { path: '' };
  beforeEach(async () => {
    folder.path = await mkdtemp(path.join(tmpdir(), `fki-${prefix}-`));
  });
  afterEach(async () => {
    await rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}

/** One empty folder for all the tests of the suite it is called in, removed after the last of them. */
export function temporaryFolderPerSuite(prefix: string): { readonly path: string } {
  const folder = { path: '' };
  before(async () => {
    folder.path = await mkdtemp(path.join(tmpdir(), `fki-${prefix}-`));
  });
  after(async () => {
    await rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}
