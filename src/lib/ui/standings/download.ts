// Hands a file made in the browser to the person: a temporary object URL clicked through a hidden link.
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser time to start reading the blob before it is released.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
