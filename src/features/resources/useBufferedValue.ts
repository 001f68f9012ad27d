import { useState } from 'react';

/**
 * A controlled input's value that follows the document but does not lag behind typing.
 *
 * The blocks show the document through a deferred parse, so after a keystroke the `value` prop
 * can still be an older value for a moment. This keeps what the user typed locally, ignores the
 * prop while it only echoes values this input sent, and adopts any other value (undo, a JSON edit).
 */
export function useBufferedValue<T>(value: T, onChange: (value: T) => void): [T, (value: T) => void] {
  const [local, setLocal] = useState(value);
  const [sent, setSent] = useState<readonly T[]>([]);
  const [seen, setSeen] = useState(value);
  if (!Object.is(value, seen)) {
    setSeen(value);
    if (Object.is(value, local)) {
      if (sent.length) setSent([]);
    } else if (!sent.some((v) => Object.is(v, value))) {
      setLocal(value);
      setSent([]);
    }
  }
  const change = (next: T) => {
    setLocal(next);
    setSent((s) => [...s.slice(-100), next]);
    onChange(next);
  };
  return [local, change];
}
