// Tiếng Việt: trạng thái gửi và lý do gửi chưa được, mỗi câu nói người dùng cần làm gì.
export const messages = {
	'sync.state.saved': 'Đã lưu trên máy, chờ gửi',
	'sync.state.sending': 'Đang gửi…',
	'sync.state.sent': 'Đã gửi',
	'sync.state.failed': 'Chưa gửi được',
	'sync.pending': 'Còn {count} câu chuyện chờ gửi',
	'sync.sendNow': 'Gửi ngay',
	'sync.offline':
		'Chưa có mạng. Câu chuyện đã được lưu an toàn trên máy và sẽ tự gửi khi có mạng trở lại.',
	'sync.unauthorized': 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để gửi các câu chuyện đang chờ.',
	'sync.rejected':
		'Máy chủ không nhận câu chuyện này. Hãy kiểm tra lại nội dung rồi bấm "Gửi ngay"; nếu vẫn lỗi, báo cán bộ đơn vị.',
	'sync.rejected.permission':
		'Tài khoản của bạn chưa được phép gửi câu chuyện cho đơn vị này. Hãy nhờ cán bộ đơn vị kiểm tra quyền phóng viên của bạn.',
	'sync.rejected.invalid': 'Nội dung chưa hợp lệ theo quy định của máy chủ. Hãy mở câu chuyện, sửa lại rồi lưu.',
	'sync.rejected.notEditable': 'Câu chuyện đã được duyệt nên không sửa được nữa. Hãy liên hệ cán bộ đơn vị nếu cần thay đổi.',
	'sync.rejected.photo': 'Máy chủ không nhận một ảnh của câu chuyện. Hãy xoá ảnh đó, chọn lại ảnh khác rồi lưu.',
	'sync.conflict': 'Câu chuyện này đã có trên máy chủ với dữ liệu khác. Ứng dụng sẽ thử lại; nếu vẫn lỗi, báo cán bộ đơn vị.',
	'sync.conflict.reviewed':
		'Câu chuyện đã được cán bộ đơn vị xử lý (trả lại/xác minh) trong khi bạn sửa trên máy. Hãy xem lý do rồi gửi lại bản sửa.',
	'sync.conflict.locked':
		'Câu chuyện đã được cán bộ đơn vị xử lý (xác minh/từ chối) trong khi bạn sửa trên máy, nên bản sửa không gửi được nữa. Hãy xem trạng thái trên máy chủ và liên hệ cán bộ đơn vị nếu cần sửa.',
	'sync.conflict.changed':
		'Câu chuyện trên máy chủ đã được sửa từ nơi khác trong khi bạn sửa trên máy. Hãy xem bản trên máy chủ rồi gửi lại bản sửa của bạn nếu đúng.',
	'sync.conflict.title': 'Có thay đổi trên máy chủ',
	'sync.conflict.serverStatus': 'Trạng thái trên máy chủ: {status}',
	'sync.conflict.serverNote': 'Lý do của cán bộ: {note}',
	'sync.conflict.mine': 'Bản sửa trên máy này vẫn được giữ nguyên, chưa gửi.',
	'sync.conflict.resubmit': 'Gửi lại bản của tôi',
	'sync.transient': 'Máy chủ đang bận. Ứng dụng sẽ tự thử gửi lại sau ít phút.',
	'sync.storageNotPersisted':
		'Trình duyệt có thể xoá dữ liệu khi máy đầy. Hãy cài ứng dụng lên màn hình chính và gửi các câu chuyện sớm.'
} as const;

export type SyncMessageKey = keyof typeof messages;
