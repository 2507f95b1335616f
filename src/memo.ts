/**
 * A value remembered per object and key: weakly per object (it goes when the object does, so one core's data
 * never serves another's), at most `max` keys per object (a full map starts over). `compute` takes the object
 * and the key, so a call allocates nothing.
 */
export class Memo<O extends object, K, V> {
  private readonly byObject = new WeakMap<O, Map<K, V>>();

  constructor(
    private readonly compute: (object: O, key: K) => V,
    private readonly max = Number.POSITIVE_INFINITY,
  ) {}

  get(object: O, key: K): V {
    let known = this.byObject.get(object);
    if (known === undefined) {
      known = new Map();
      this.byObject.set(object, known);
    }
    if (known.has(key)) return known.get(key) as V;
    const value = this.compute(object, key);
    if (known.size >= this.max) known.clear();
    known.set(key, value);
    return value;
  }
}
