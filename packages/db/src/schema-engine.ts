import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import fs from 'node:fs';
import { schemaEngineAdapterFactory } from './catalog-types';
import * as engineModule from '@prisma/schema-engine-wasm/schema_engine_bg';
import path from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The part of the WebAssembly API we use (Node has it; @types/node 20 does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * The engine reports a Rust panic's message here before it throws (the Prisma CLI installs the same
 * global); we add the message to the error so that a developer sees what went wrong.
 */
const panicRegistry = { message: '', set_message(message: string) { this.message = message; } };
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let loaded = false;

/**
 * Loads Prisma's schema engine compiled to WebAssembly.
 *
 * The package's ESM entry imports a `.wasm` file, which Node cannot load; so we instantiate
 * `schema_engine_bg.wasm` ourselves and hand its exports to the bindings. No download, no network.
 */
function loadEngine(): typeof engineModule {
  if (!loaded) {
    // The package's exports do not list the .wasm file: find it beside the bindings.
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const module = new wasmApi.Module(fs.readFileSync(wasmPath));
    const instance = new wasmApi.Instance(module, {
      './schema_engine_bg.js': engineModule,
    });
    engineModule.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    loaded = true;
  }
  return engineModule;
}

/** A schema engine message, passed on to `log` (the engine reports progress as JSON lines). */
export type EngineLog = (message: string) => void;

/**
 * Runs `fn` with a schema engine connected through `adapter`, then frees the engine.
 * `datamodel` is the Prisma schema text (the engine needs it for diffs and migration creation).
 */
export async function withSchemaEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  datamodel: { path: string; content: string },
  fn: (engine: SchemaEngine) => Promise<T>,
  log: EngineLog = () => {},
): Promise<T> {
  const { SchemaEngine } = loadEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(schemaEngineAdapterFactory(adapter)),
  );
  try {
    panicRegistry.message = '';
    return await fn(engine);
  } catch (error) {
    if (panicRegistry.message) throw new Error(`The Prisma schema engine panicked: ${panicRegistry.message}`, { cause: error });
    throw error;
  } finally {
    engine.free();
  }
}
