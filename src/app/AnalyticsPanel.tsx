// The operator console's visitor analytics: per day the visits, VR entries, completed tours and hall
// tasks, the mean quiz score and errors, a chart of visits per day (uPlot, bundled with the console
// only), the latest day's scenes with their mean time, and a CSV export. Anonymous counts only.
import { useEffect, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { fillPlaceholders, localize, useLang } from '../platform/i18n'
import {
  fetchAnalyticsCsv,
  fetchAnalyticsSummary,
  type SummaryResponse,
  type VenueStringKey,
  venueStrings,
} from '../platform/venue'

const REFRESH_MS = 10_000
const CHART_DAYS = 14

export function AnalyticsPanel({ code }: { code: string }) {
  const lang = useLang()
  const t = (key: VenueStringKey, vars: Record<string, string> = {}) =>
    fillPlaceholders(localize(venueStrings[key], lang), vars)
  const [summary, setSummary] = useState<SummaryResponse | null>(null)

  useEffect(() => {
    let live = true
    const load = async () => {
      const result = await fetchAnalyticsSummary(code)
      if (live && result.ok) setSummary(result.value)
    }
    void load()
    const timer = setInterval(load, REFRESH_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [code])

  const exportCsv = async () => {
    const result = await fetchAnalyticsCsv(code)
    if (!result.ok) return
    const link = document.createElement('a')
    link.href = URL.createObjectURL(result.value)
    link.download = 'visitor-analytics.csv'
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  }

  const days = summary?.days ?? []
  const latest = days.at(-1)
  return (
    <section aria-labelledby="analytics-title" className="operator-analytics">
      <h2 id="analytics-title">{t('analyticsTitle')}</h2>
      {summary && <p>{t('analyticsRetention', { days: String(summary.retentionDays) })}</p>}
      {days.length === 0 ? (
        <p>{t('analyticsEmpty')}</p>
      ) : (
        <>
          <VisitsChart days={days} label={t('analyticsChart')} />
          <div className="operator-table-wrap">
            <table className="operator-table" data-analytics="days">
              <thead>
                <tr>
                  {(
                    ['colDay', 'colVisits', 'colVr', 'colTours', 'colHall', 'colQuiz', 'colErrors'] as const
                  ).map((key) => (
                    <th scope="col" key={key}>
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day} data-day={d.day}>
                    <th scope="row">{d.day}</th>
                    <td data-col="visits">{d.visits}</td>
                    <td data-col="vr">{d.vrEntries}</td>
                    <td data-col="tours">{d.toursCompleted}</td>
                    <td data-col="hall">{d.hallTasksCompleted}</td>
                    <td data-col="quiz">
                      {d.meanQuizScore === null ? '—' : `${Math.round(d.meanQuizScore * 100)}%`}
                    </td>
                    <td data-col="errors">{d.errors}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {latest && latest.scenes.length > 0 && (
            <>
              <h3>{t('scenesToday', { day: latest.day })}</h3>
              <div className="operator-table-wrap">
                <table className="operator-table" data-analytics="scenes">
                  <thead>
                    <tr>
                      <th scope="col">{t('colScene')}</th>
                      <th scope="col">{t('colEntries')}</th>
                      <th scope="col">{t('colMeanTime')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {latest.scenes.map((s) => (
                      <tr key={s.scene} data-scene={s.scene}>
                        <th scope="row">{s.scene}</th>
                        <td data-col="entries">{s.entries}</td>
                        <td data-col="time">
                          {s.meanSeconds === null
                            ? '—'
                            : t('seconds', { n: String(Math.round(s.meanSeconds)) })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
      <p>
        <button type="button" className="btn" onClick={() => void exportCsv()}>
          {t('downloadCsv')}
        </button>
      </p>
    </section>
  )
}

/** Visits per day as bars; the chart is rebuilt when the days change (a few times a minute at most). */
function VisitsChart({ days, label }: { days: SummaryResponse['days']; label: string }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    // The last 14 days, a bar each (zero where nothing was recorded), so one busy day is not a lone bar
    // on an axis of years.
    const visits = new Map(days.map((d) => [d.day, d.visits]))
    const last = new Date(`${days.at(-1)?.day ?? new Date().toISOString().slice(0, 10)}T12:00:00`)
    const x: number[] = []
    const y: number[] = []
    for (let i = CHART_DAYS - 1; i >= 0; i--) {
      const d = new Date(last)
      d.setDate(d.getDate() - i)
      const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
      x.push(d.getTime() / 1000)
      y.push(visits.get(key) ?? 0)
    }
    const chart = new uPlot(
      {
        width: Math.min(720, el.clientWidth || 720),
        height: 220,
        legend: { show: false },
        scales: {
          x: { time: true, range: [x[0] - 60_000, x[x.length - 1] + 60_000] },
          y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] },
        },
        axes: [{}, { size: 48 }],
        series: [
          {},
          {
            label,
            stroke: '#b3261e',
            fill: 'rgba(179, 38, 30, 0.25)',
            paths: uPlot.paths.bars?.({ size: [0.6, 48] }),
            points: { show: false },
          },
        ],
      },
      [x, y],
      el,
    )
    return () => chart.destroy()
  }, [days, label])
  return <div ref={box} role="img" aria-label={label} className="operator-chart" data-analytics="chart" />
}
