import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PokeHub, sqlitePokeChannel, type PokeChannel } from './pokes';

function fakeChannel() {
	let deliver: (() => void) | null = null;
	const channel: PokeChannel & { published: number; subscribed: number } = {
		published: 0,
		subscribed: 0,
		publish() {
			channel.published++;
		},
		subscribe(onPoke) {
			channel.subscribed++;
			deliver = onPoke;
			return () => {
				channel.subscribed--;
				deliver = null;
			};
		},
		async close() {}
	};
	return { channel, remotePoke: () => deliver?.() };
}

describe('PokeHub', () => {
	it('subscribes to the channel only while someone listens', () => {
		const { channel } = fakeChannel();
		const hub = new PokeHub(channel);
		const first = () => {};
		const second = () => {};
		expect(channel.subscribed).toBe(0);
		hub.on('poke', first);
		hub.on('poke', second);
		expect(channel.subscribed).toBe(1);
		hub.off('poke', first);
		expect(channel.subscribed).toBe(1);
		hub.off('poke', second);
		expect(channel.subscribed).toBe(0);
	});

	it('publishes local pokes and delivers remote ones without publishing them back', () => {
		const { channel, remotePoke } = fakeChannel();
		const hub = new PokeHub(channel);
		const heard = vi.fn();
		hub.on('poke', heard);
		hub.emit('poke');
		expect([heard.mock.calls.length, channel.published]).toEqual([1, 1]);
		remotePoke();
		expect([heard.mock.calls.length, channel.published]).toEqual([2, 1]);
	});

	it('works as a plain emitter without a channel', () => {
		const hub = new PokeHub();
		const heard = vi.fn();
		hub.on('poke', heard);
		hub.emit('poke');
		expect(heard).toHaveBeenCalledTimes(1);
	});
});

describe('sqlitePokeChannel', () => {
	const dir = mkdtempSync(join(tmpdir(), 'dockside-pokes-'));
	const open = () => {
		const db = new SQLite(join(dir, 'db.sqlite'));
		db.pragma('journal_mode = WAL');
		return db;
	};
	const bump = (db: SQLite.Database) =>
		db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'version'").run();
	afterEach(() => vi.useRealTimers());

	it("pokes when another connection moves the version counter, not for this process's own commits", async () => {
		const mine = open();
		mine.exec(
			"CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER); INSERT INTO counters VALUES ('version', 0)"
		);
		const other = open();
		try {
			vi.useFakeTimers();
			const channel = sqlitePokeChannel(mine, 1000);
			const heard = vi.fn();
			const stop = channel.subscribe(heard);

			vi.advanceTimersByTime(3000);
			expect(heard).not.toHaveBeenCalled();

			bump(other);
			vi.advanceTimersByTime(1000);
			expect(heard).toHaveBeenCalledTimes(1);
			vi.advanceTimersByTime(3000);
			expect(heard).toHaveBeenCalledTimes(1);

			// A local commit: the hub publishes first, which moves the baseline.
			bump(mine);
			channel.publish();
			vi.advanceTimersByTime(2000);
			expect(heard).toHaveBeenCalledTimes(1);

			stop();
			bump(other);
			vi.advanceTimersByTime(2000);
			expect(heard).toHaveBeenCalledTimes(1);
		} finally {
			mine.close();
			other.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
