// Shared class names, so buttons and fields look the same everywhere.
export const buttonPrimary =
  "inline-flex items-center justify-center rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
export const buttonSecondary =
  "inline-flex items-center justify-center rounded border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50";
export const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-rose-600";
export const labelClass = "block text-sm font-medium text-slate-800";
export const hintClass = "mt-1 text-xs text-slate-600";
export const cardClass = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
