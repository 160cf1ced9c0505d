import { createRequire } from 'node:module';

/** The options an Alipay `Component({...})` call receives, as far as the tests use them. */
interface AlipayComponentOptions {
  props: Record<string, unknown>;
  data: Record<string, unknown>;
  deriveDataFromProps?(this: AlipayInstance, nextProps: Record<string, unknown>): void;
  didMount?(this: AlipayInstance): void;
  didUpdate?(this: AlipayInstance, prevProps: Record<string, unknown>, prevData: Record<string, unknown>): void;
  didUnmount?(this: AlipayInstance): void;
  methods?: Record<string, (this: AlipayInstance, ...args: unknown[]) => unknown>;
}

/** A mounted component instance: props, data, `$id`, `setData` and the methods. */
export interface AlipayInstance {
  $id: number;
  props: Record<string, unknown>;
  data: Record<string, unknown>;
  setData(patch: Record<string, unknown>): void;
  [method: string]: unknown;
}

/** A mounted component and the operations Alipay's runtime would perform on it. */
export interface MountedComponent {
  instance: AlipayInstance;
  /** Replaces props as a parent re-render would, then runs `didUpdate`. */
  setProps(next: Record<string, unknown>): void;
  unmount(): void;
  /** Calls a method as an AXML event binding would. */
  trigger(method: string): void;
}

/**
 * Loads a component's JS the way Alipay does (the file calls the global `Component`) and
 * mounts one instance with the given `$id`: default props merged with `props`, `didMount` run.
 */
export function mountAlipayComponent(jsPath: string, props: Record<string, unknown>, $id = 1): MountedComponent {
  let options: AlipayComponentOptions | undefined;
  const previous = (globalThis as { Component?: unknown }).Component;
  (globalThis as { Component?: unknown }).Component = (o: AlipayComponentOptions) => (options = o);
  const require = createRequire(import.meta.url);
  try {
    delete require.cache[require.resolve(jsPath)];
    require(jsPath);
  } finally {
    (globalThis as { Component?: unknown }).Component = previous;
  }
  if (!options) throw new Error(`${jsPath} did not call Component()`);
  const definition = options;
  const instance: AlipayInstance = {
    $id,
    props: { ...definition.props, ...props },
    data: { ...definition.data },
    setData(patch) {
      this.data = { ...this.data, ...patch };
    },
  };
  for (const [name, method] of Object.entries(definition.methods ?? {})) instance[name] = method.bind(instance);
  // component2 order: deriveDataFromProps on creation and before each update, then didMount / didUpdate.
  definition.deriveDataFromProps?.call(instance, instance.props);
  definition.didMount?.call(instance);
  return {
    instance,
    setProps(next) {
      const prevProps = instance.props;
      const nextProps = { ...instance.props, ...next };
      definition.deriveDataFromProps?.call(instance, nextProps);
      instance.props = nextProps;
      definition.didUpdate?.call(instance, prevProps, instance.data);
    },
    unmount: () => definition.didUnmount?.call(instance),
    trigger: (method) => void (instance[method] as () => void)(),
  };
}
