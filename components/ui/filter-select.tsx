import { inputClass, labelClass } from "@/components/ui/styles";

/** One select of a GET filter form: the filter lives in the address, so it can be shared. */
export function FilterSelect({ name, label, anyLabel, value, options }: { name: string; label: string; anyLabel: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={name} className={labelClass}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className={`${inputClass} mt-1`}>
        <option value="">{anyLabel}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}
