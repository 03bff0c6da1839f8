import { runAnalysisAccuracyBench } from './analysis-accuracy'
import { runAnalysisSpeedBench } from './analysis-speed'
import { runStoreBench } from './store'
import { runStoriesBench } from './stories'

const parts: Record<string, () => Promise<void>> = {
  accuracy: () => runAnalysisAccuracyBench(),
  analysis: () => runAnalysisSpeedBench(),
  stories: () => runStoriesBench(),
  store: () => runStoreBench()
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((name) => !(name in parts))
  if (unknown.length > 0) {
    console.error(
      `bench: unknown part ${unknown.join(', ')}; choose from ${Object.keys(parts).join(', ')}`
    )
    process.exitCode = 2
    return
  }
  for (const [name, run] of Object.entries(parts)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue
    console.log(`\n== ${name} ==`)
    await run()
  }
}

void main()
