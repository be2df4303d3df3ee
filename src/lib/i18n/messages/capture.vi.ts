// Tiếng Việt: lý do ảnh không dùng được và lỗi khi lưu trên máy, mỗi câu nói người dùng cần làm gì.
export const messages = {
	'capture.photo.heic':
		'Ảnh HEIC (iPhone) chưa đọc được trên trình duyệt này. Hãy chọn ảnh JPEG hoặc chụp lại bằng máy ảnh của ứng dụng.',
	'capture.photo.gif': 'Ảnh GIF không được nhận. Hãy chọn ảnh chụp dạng JPEG, PNG hoặc WebP.',
	'capture.photo.svg': 'Tệp SVG là hình vẽ, không phải ảnh chụp. Hãy chọn ảnh JPEG, PNG hoặc WebP.',
	'capture.photo.pdf': 'Tệp PDF không phải là ảnh. Hãy chụp ảnh tài liệu hoặc chọn ảnh JPEG.',
	'capture.photo.unsupported': 'Tệp này không phải ảnh JPEG, PNG hoặc WebP (dù tên tệp ghi thế nào). Hãy chọn ảnh khác hoặc chụp lại.',
	'capture.photo.empty': 'Tệp ảnh rỗng (0 byte). Hãy chọn lại ảnh hoặc chụp lại.',
	'capture.photo.tooLarge': 'Ảnh quá lớn (trên 30 MB). Hãy chọn ảnh nhỏ hơn hoặc chụp lại bằng máy ảnh của ứng dụng.',
	'capture.photo.tooManyPixels':
		'Ảnh có kích thước quá lớn (trên 120 triệu điểm ảnh). Hãy chọn ảnh nhỏ hơn hoặc chụp lại bằng máy ảnh của ứng dụng.',
	'capture.photo.truncated': 'Tệp ảnh bị hỏng hoặc chưa tải xong. Hãy chọn lại ảnh hoặc chụp lại.',
	'capture.photo.undecodable': 'Không đọc được ảnh này. Hãy chọn ảnh khác hoặc chụp lại.',
	'capture.photo.encodeFailed': 'Máy không xử lý được ảnh này (có thể do thiếu bộ nhớ). Hãy đóng bớt ứng dụng khác rồi thử lại.',
	'capture.photo.tooMany': 'Mỗi câu chuyện có tối đa 10 ảnh. Hãy bỏ bớt ảnh.',
	'capture.file.refused': 'Không tải lên được tệp “{name}”: {reason}',
	'capture.file.unsupported': 'Tệp này không phải PDF hay ảnh JPEG, PNG, WebP (dù tên tệp ghi thế nào). Hãy chọn tệp PDF hoặc ảnh.',
	'capture.file.tooLarge': 'Tệp quá lớn (PDF tối đa 10 MB, ảnh tối đa 30 MB). Hãy nén hoặc chia nhỏ tệp.',
	'capture.file.pdfTooLarge': 'Tệp PDF lớn hơn 10 MB. Hãy nén hoặc chia nhỏ tệp.',
	'capture.file.pdfDamaged': 'Tệp PDF bị hỏng hoặc chưa tải xong (thiếu phần kết thúc). Hãy lưu lại tệp PDF rồi chọn lại.',
	'capture.file.pdfActive':
		'Tệp PDF có chứa mã lệnh (JavaScript), lệnh mở chương trình hoặc tệp đính kèm nên không được nhận. Hãy in lại thành PDF (In → Lưu dưới dạng PDF) rồi tải lên.',
	'capture.storageFull': 'Bộ nhớ máy đã đầy nên chưa lưu được. Hãy xoá bớt ảnh hoặc ứng dụng không dùng rồi bấm lưu lại.',
	'capture.notEditable': 'Câu chuyện này đã được duyệt nên không sửa được nữa.',
	'capture.saved': 'Đã lưu trên máy. Câu chuyện sẽ tự gửi khi có mạng.',
	'capture.movement.label': 'Phong trào, cuộc vận động (không bắt buộc)',
	'capture.movement.none': '— Không gắn với phong trào nào —',
	'capture.movement.hint': 'Câu chuyện hưởng ứng phong trào, cuộc vận động nào của Thành phố năm {year}.',
	'capture.movement.snapshot': 'Danh sách phong trào lưu trên máy lúc {time}.',
	'capture.movement.unavailable':
		'Chưa có danh sách phong trào trên máy (cần mở ứng dụng khi có mạng một lần). Vẫn lưu được câu chuyện không gắn phong trào.',
	'capture.movement.view': 'Phong trào'
} as const;

export type CaptureMessageKey = keyof typeof messages;
