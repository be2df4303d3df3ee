// English: the same keys as capture.vi.ts (checked by `satisfies`).
import type { CaptureMessageKey } from './capture.vi';

export const messages = {
	'capture.photo.heic': 'HEIC photos (iPhone) cannot be read in this browser. Choose a JPEG photo or take one with the app camera.',
	'capture.photo.gif': 'GIF images are not accepted. Choose a JPEG, PNG or WebP photo.',
	'capture.photo.svg': 'An SVG file is a drawing, not a photo. Choose a JPEG, PNG or WebP photo.',
	'capture.photo.pdf': 'A PDF file is not a photo. Take a photo of the document or choose a JPEG.',
	'capture.photo.unsupported': 'This file is not a JPEG, PNG or WebP photo (whatever its name says). Choose another photo or take a new one.',
	'capture.photo.empty': 'The photo file is empty (0 bytes). Choose it again or take a new one.',
	'capture.photo.tooLarge': 'The photo is too large (over 30 MB). Choose a smaller one or take one with the app camera.',
	'capture.photo.tooManyPixels': 'The photo has too many pixels (over 120 million). Choose a smaller one or take one with the app camera.',
	'capture.photo.truncated': 'The photo file is damaged or incomplete. Choose it again or take a new one.',
	'capture.photo.undecodable': 'This photo cannot be read. Choose another one or take a new one.',
	'capture.photo.encodeFailed': 'The phone could not process this photo (perhaps low on memory). Close other apps and try again.',
	'capture.photo.tooMany': 'A story can have at most 10 photos. Remove some.',
	'capture.file.refused': 'File “{name}” was not uploaded: {reason}',
	'capture.file.unsupported': 'This file is not a PDF or a JPEG, PNG or WebP image (whatever its name says). Choose a PDF or a photo.',
	'capture.file.tooLarge': 'The file is too large (PDF up to 10 MB, photos up to 30 MB). Compress it or split it.',
	'capture.file.pdfTooLarge': 'The PDF is larger than 10 MB. Compress it or split it into smaller files.',
	'capture.file.pdfDamaged': 'The PDF is damaged or incomplete (its end is missing). Save the PDF again and choose it again.',
	'capture.file.pdfActive':
		'The PDF contains scripts (JavaScript), a command to launch a program or attached files, so it is not accepted. Print it to PDF again and upload that.',
	'capture.storageFull': 'The phone storage is full, so nothing was saved. Free some space and tap save again.',
	'capture.notEditable': 'This story has been reviewed and can no longer be edited.',
	'capture.saved': 'Saved on this device. The story will be sent when there is a connection.',
	'capture.movement.label': 'Movement or campaign (optional)',
	'capture.movement.none': '— Not tagged with a movement —',
	'capture.movement.hint': 'Which of the city’s movements or campaigns of {year} this story answers.',
	'capture.movement.snapshot': 'Movement list kept on this device since {time}.',
	'capture.movement.unavailable':
		'No movement list on this device yet (open the app online once). The story can still be saved without a movement.',
	'capture.movement.view': 'Movement'
} as const satisfies Record<CaptureMessageKey, string>;
