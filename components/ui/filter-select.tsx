import { inputClass, labelClass } from "@/components/ui/styles";

/** One select of a GET filter form: the filter lives in the address, so it can be shared. */
export function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
  hint,
}: {
  name: string;
  label: string;
  anyLabel: string;
  value?: string;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  return (
    <div>
      <label htmlFor={name} className={labelClass}>
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={value ?? ""}
        className={`${inputClass} mt-1`}
        aria-describedby={hint ? `${name}-hint` : undefined}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
