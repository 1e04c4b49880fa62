/**
 * The room is not a shell. Over real HTTP on 127.0.0.1: a process without the token cannot
 * define or run a build; a browser with the token cannot define one either (only the window and
 * the command line may), and runs the organiser's own build checks only in a room started with
 * `--allow-repo-changes`. Nothing the attacker wrote ever runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/api';
import type { BuildList } from '../../../shared/rename/api';
import { startRoomServer, type RoomServer } from '../../../electron/core/server/room';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { makeForkRepo, runCli } from '../cli/core-helpers';
import { fakeBoardDir, newBrowser, openBoard, type Answer, type RoomBrowser } from './room-browser';

const MALLORY = { name: 'Mallory', email: 'mallory@example.org' };

let repo: string;
let staticDir: string;
let scratch: string;
let server: RoomServer;
let allowing: RoomServer;

beforeAll(async () => {
  repo = makeForkRepo();
  staticDir = fakeBoardDir();
  scratch = tempDir();
  server = await startRoomServer({ repo, port: 0, staticDir });
  allowing = await startRoomServer({ repo, port: 0, staticDir, allowRepoChanges: true });
});
afterAll(async () => {
  await server?.close();
  await allowing?.close();
  cleanup(repo, staticDir, scratch);
});

const refusal = (answer: Answer): string => {
  expect(answer.json.ok).toBe(false);
  if (answer.json.ok) return '';
  expect(answer.json.error.code).toBe('refused');
  return answer.json.error.message;
};

async function joined(room: RoomServer): Promise<RoomBrowser> {
  const browser = await openBoard(room);
  expect((await browser.choose(MALLORY)).json.ok).toBe(true);
  return browser;
}

async function builds(browser: RoomBrowser): Promise<BuildList> {
  const list = await browser.call<BuildList>('build.list');
  if (!list.json.ok) throw new Error(list.json.error.message);
  return list.json.value;
}

describe('a build command from the room', () => {
  it('is refused without the token (401), and with it as the owner\'s alone; nothing runs', async () => {
    const pwned = path.join(scratch, 'pwned');
    const attack = { name: 'x', command: `id > ${pwned}` };
    const planBefore = git(repo, ['for-each-ref', 'refs/merge-sprint/']);

    const stranger = newBrowser(`http://127.0.0.1:${server.port}`);
    const add = await stranger.call('build.add', attack);
    expect(add.status).toBe(401);
    expect((await stranger.call('build.run', { buildId: 'x' })).status).toBe(401);

    for (const room of [server, allowing]) {
      const browser = await joined(room);
      expect(refusal(await browser.call('build.add', attack))).toMatch(/only possible in the Merge Sprint window or on the command line/);
      // The token as a header (a script) is a room client all the same.
      const scripted = newBrowser(new URL(room.url).origin);
      expect(refusal(await scripted.call('build.add', attack, { 'x-merge-sprint-token': room.token }))).toMatch(/only possible in the Merge Sprint window/);
      expect((await builds(browser)).builds).toEqual([]);
    }
    expect(existsSync(pwned)).toBe(false);
    expect(git(repo, ['for-each-ref', 'refs/merge-sprint/'])).toBe(planBefore);
  });

  it("runs the organiser's build check only in a room that allows repository changes", async () => {
    const marker = path.join(scratch, 'built');
    const added = await runCli(['build', 'add', '--repo', repo, '--name', 'marker', '--command', `touch '${marker}'`]);
    expect(added.code, added.stderr).toBe(0);

    const off = await joined(server);
    const [build] = (await builds(off)).builds;
    if (!build) throw new Error('the build check the command line added is not in the plan');
    expect(refusal(await off.call('build.run', { buildId: build.id }))).toMatch(/off: the organiser can allow it when starting the room server, by letting browsers change the repository \(npm run room does\)/);
    expect((await builds(off)).running).toEqual([]);
    expect(existsSync(marker)).toBe(false);

    // Allowed, but only for someone who said who they are.
    const anonymous = await openBoard(allowing);
    expect(refusal(await anonymous.call('build.run', { buildId: build.id }))).toMatch(/Choose who you are/);
    const on = await joined(allowing);
    const started = await on.call<{ runId: string }>('build.run', { buildId: build.id });
    expect(started.json.ok).toBe(true);
    await expect.poll(async () => (await builds(on)).builds[0]?.last?.passed ?? null, { timeout: 30_000 }).toBe(true);
    expect(existsSync(marker)).toBe(true);
  });
});

describe('what the room may do', () => {
  it('says in app.info whether repository changes are allowed', async () => {
    const info = async (room: RoomServer) => {
      const res = await (await openBoard(room)).call<AppInfo>('app.info');
      if (!res.json.ok) throw new Error(res.json.error.message);
      return res.json.value;
    };
    expect(await info(server)).toMatchObject({ mode: 'room', allowRepoChanges: false, actor: null });
    expect(await info(allowing)).toMatchObject({ mode: 'room', allowRepoChanges: true });
  });

  it("never lets a browser name a folder on the server's disk, turn hooks on or open another repository", async () => {
    const out = path.join(scratch, 'export');
    for (const room of [server, allowing]) {
      const browser = await joined(room);
      expect(refusal(await browser.call('series.export', { out }))).toMatch(/only possible in the Merge Sprint window/);
      expect(refusal(await browser.call('rename.setHooks', { on: true }))).toMatch(/only possible in the Merge Sprint window/);
      expect(refusal(await browser.call('repo.open', { path: scratch }))).toMatch(/only possible in the Merge Sprint window/);
    }
    expect(existsSync(out)).toBe(false);
    expect(() => git(repo, ['config', '--local', '--get', 'merge-sprint.runHooks'])).toThrow();
  });

  it('refuses before reading the request, so a refused call learns nothing from validation', async () => {
    const browser = await joined(server);
    expect(refusal(await browser.call('build.add', { name: 42 }))).toMatch(/only possible in the Merge Sprint window/);
  });
});
