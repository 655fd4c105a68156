import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed';
import { attachments } from '@/db/schema';
import { writeDemoFiles } from '@/db/seed/demo-files';
import { createLocalStorage } from '@/lib/storage/storage';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('writeDemoFiles', () => {
  it('gives every demo attachment a real file of its kind, once', async () => {
    const { db } = database();
    await seedDemo(db, { now: new Date('2026-11-20T12:00:00Z') });
    const root = await mkdtemp(path.join(tmpdir(), 'bandeja-demo-files-'));
    folders.push(root);
    const storage = createLocalStorage(root);

    const written = await writeDemoFiles(db, storage);
    expect(written).toBeGreaterThan(0);
    await expect(writeDemoFiles(db, storage)).resolves.toBe(0);

    // demo/<message id>/<name>: one file per attachment.
    const files = (await readdir(path.join(root, 'demo'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files).toHaveLength(written);
    expect(written).toBe((await db.select().from(attachments)).length);
    const heads = await Promise.all(files.map(async (file) => [file.name, (await readFile(path.join(file.parentPath, file.name))).subarray(0, 4).toString('latin1')]));
    for (const [file, head] of heads) {
      if (/\.(png|jpe?g)$/.test(file)) expect(head, file).toBe('\x89PNG');
      else if (file.endsWith('.pdf')) expect(head, file).toBe('%PDF');
      else expect(head, file).toBe('RIFF');
    }
  });
});
