/**
 * Ladda ner: a table as CSV (opens right in Swedish Excel) or XLSX, from the gateway's
 * GET /downloads/<table>.<csv|xlsx>?<params>, with the signed-in user's token; saved under the
 * file name the answer's Content-Disposition gives.
 */
import { useState } from 'preact/hooks';
import { authorizationHeaders } from '../api';

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1]!.trim() : fallback;
}

interface Props {
  table: string;
  params: Record<string, string | number | boolean | undefined | null | string[]>;
  /** What the table is, for the buttons' accessible names. */
  label: string;
}

export function downloadQuery(params: Props['params']): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) query.append(key, item);
    else query.set(key, String(value));
  }
  return query.toString();
}

export function Downloads({ table, params, label }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setError(null);
    try {
      const query = downloadQuery(params);
      const response = await fetch(`/downloads/${table}.${format}${query ? `?${query}` : ''}`, { headers: authorizationHeaders() });
      if (!response.ok) {
        const text = await response.text();
        let message = text;
        try {
          message = (JSON.parse(text) as { message?: string; errors?: { message: string }[] }).message ?? (JSON.parse(text) as { errors?: { message: string }[] }).errors?.[0]?.message ?? text;
        } catch {
          // plain text
        }
        throw new Error(`Nedladdningen misslyckades (${response.status}): ${message.slice(0, 300)}`);
      }
      const blob = await response.blob();
      const name = dispositionFileName(response.headers.get('content-disposition'), `${table}.${format}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="downloads">
      <button type="button" onClick={() => download('csv')} disabled={busy !== null} aria-label={`Ladda ner CSV: ${label}`}>
        {busy === 'csv' ? 'Hämtar …' : 'Ladda ner CSV'}
      </button>
      <button type="button" onClick={() => download('xlsx')} disabled={busy !== null} aria-label={`Ladda ner Excel: ${label}`}>
        {busy === 'xlsx' ? 'Hämtar …' : 'Ladda ner Excel'}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
