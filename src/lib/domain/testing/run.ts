// Applies a mutation to a MemoryReader and writes its changes, numbering mutations like a client.
import { applyMutation } from '../apply';
import type { ApplyContext, ApplyResult } from '../mutation';
import { makeContext, makeMutation } from './factories';
import type { MemoryReader } from './memory-reader';

let mutationId = 0;

export async function applyAndWrite(
	reader: MemoryReader,
	name: string,
	args: unknown,
	ctx: Partial<ApplyContext> = {}
): Promise<ApplyResult> {
	mutationId += 1;
	const context = makeContext({ mutationId, ...ctx });
	const result = await applyMutation(
		reader,
		makeMutation(name, args, { id: context.mutationId }),
		context
	);
	if (result.ok) reader.write(result.changes);
	return result;
}

/** The same, failing the test with the rejection when the rules say no. */
export async function applyOk(
	reader: MemoryReader,
	name: string,
	args: unknown,
	ctx: Partial<ApplyContext> = {}
) {
	const result = await applyAndWrite(reader, name, args, ctx);
	if (!result.ok) throw new Error(`${name} rejected: ${result.code}: ${result.message}`);
	return result.changes;
}
