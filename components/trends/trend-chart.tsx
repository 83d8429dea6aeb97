"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

type Point = {
  quarter: string;
  closed: boolean;
  // Reopened by an admin and not closed again: its scores follow the answers' history again.
  reopened: boolean;
  declared: number | null;
  verified: number | null;
  version?: string;
};
type Labels = { declared: string; verified: string; closed: string; reopened: string };

// Blue and orange from the Okabe-Ito palette, told apart by colour-blind readers; the verified
// line is dashed too, so colour is not the only difference. The table below holds the numbers.
const DECLARED = "#0072B2";
const VERIFIED = "#E69F00";

export function TrendChart({ series, labels }: { series: Point[]; labels: Labels }) {
  return (
    <div className="h-64 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="quarter" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(value) => (value === null || value === undefined ? "—" : `${value}%`)} />
          <Legend />
          {series
            .filter((point) => point.closed)
            .map((point) => (
              <ReferenceLine
                key={point.quarter}
                x={point.quarter}
                stroke="#94a3b8"
                strokeDasharray="2 4"
                label={{ value: labels.closed, position: "insideTop", fontSize: 10, fill: "#475569" }}
              />
            ))}
          {series
            .filter((point) => point.reopened && !point.closed)
            .map((point) => (
              <ReferenceLine
                key={`reopened-${point.quarter}`}
                x={point.quarter}
                stroke="#b45309"
                strokeDasharray="1 3"
                label={{ value: labels.reopened, position: "insideTop", fontSize: 10, fill: "#92400e" }}
              />
            ))}
          {series
            .filter((point) => point.version)
            .map((point) => (
              <ReferenceLine
                key={`version-${point.quarter}`}
                x={point.quarter}
                stroke="#1d4ed8"
                strokeDasharray="4 2"
                label={{ value: point.version, position: "insideBottom", fontSize: 10, fill: "#1e40af" }}
              />
            ))}
          <Line
            type="monotone"
            dataKey="declared"
            name={labels.declared}
            stroke={DECLARED}
            strokeWidth={2}
            connectNulls
            dot
            isAnimationActive={false}
          />
          {series.some((point) => point.verified !== null) && (
            <Line
              type="monotone"
              dataKey="verified"
              name={labels.verified}
              stroke={VERIFIED}
              strokeWidth={2}
              strokeDasharray="6 3"
              connectNulls
              dot
              isAnimationActive={false}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
