// Child-process entry: runs one wave (wave.ts) of simulated devices and cluster leads, sends back its result.
import { serveChild } from './child-process';
import { runWave, type WaveOptions, type WaveResult } from './wave';

serveChild<WaveOptions, WaveResult>((job, side) => runWave({ ...job, onPushStart: () => side.notify('push-start') }));
