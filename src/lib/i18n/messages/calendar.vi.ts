// Vietnamese messages of the calendar feed (keys `calendar.*`): the page that hands out the secret address and the
// text of the iCalendar feed itself (`calendar.feed.*`, written into calendar apps); calendar.en.ts mirrors every key.
export const messages = {
	'nav.calendar': 'Lịch',
	'calendar.title': 'Lịch các mốc tiến độ',
	'calendar.lead':
		'Đưa các mốc tiến độ của kế hoạch thi đua, khen thưởng vào ứng dụng lịch trên điện thoại hoặc máy tính (Lịch của iPhone, Google Calendar, Outlook…). Lịch tự cập nhật khi Thành phố điều chỉnh kế hoạch, và nhắc bạn trước hạn 7 ngày và 1 ngày.',
	'calendar.howItShows':
		'Mỗi mốc hiện thành một sự kiện lúc 23:00–24:00 (giờ Hà Nội) của ngày cuối cùng còn được nộp: mốc "trước ngày 14/01" hiện vào tối 13/01 và hết hạn đúng 00:00 ngày 14/01.',
	'calendar.privacy':
		'Địa chỉ lịch là bí mật: ai có địa chỉ đều xem được các mốc này (không kèm thông tin cá nhân). Đừng đăng công khai.',
	'calendar.needsConnection': 'Cần có mạng để xem, tạo hoặc tắt địa chỉ lịch. Hãy kết nối mạng rồi mở lại trang này.',
	'calendar.loading': 'Đang kiểm tra địa chỉ lịch…',
	'calendar.loadFailed': 'Không kiểm tra được địa chỉ lịch.',
	'calendar.retry': 'Thử lại',
	'calendar.status.none': 'Bạn chưa có địa chỉ lịch.',
	'calendar.status.active': 'Bạn đang có một địa chỉ lịch, tạo lúc {time}.',
	'calendar.status.hidden':
		'Vì an toàn, địa chỉ chỉ hiện một lần ngay khi tạo. Nếu bạn không còn giữ địa chỉ, hãy tạo địa chỉ mới.',
	'calendar.create': 'Tạo địa chỉ lịch',
	'calendar.rotate': 'Tạo địa chỉ mới',
	'calendar.rotateWarning':
		'Địa chỉ cũ sẽ ngừng hoạt động ngay: lịch nào đã đăng ký bằng địa chỉ cũ sẽ không cập nhật nữa và cần đăng ký lại bằng địa chỉ mới.',
	'calendar.rotateConfirm': 'Đồng ý, tạo địa chỉ mới',
	'calendar.cancel': 'Hủy',
	'calendar.created': 'Đã tạo địa chỉ lịch. Hãy sao chép hoặc mở ngay: địa chỉ chỉ hiện một lần.',
	'calendar.yourAddress': 'Địa chỉ lịch của bạn',
	'calendar.urlLabel': 'Địa chỉ (https)',
	'calendar.copy': 'Sao chép địa chỉ',
	'calendar.copied': 'Đã sao chép địa chỉ lịch.',
	'calendar.copyFailed': 'Không sao chép được. Hãy chạm vào ô địa chỉ, chọn tất cả rồi sao chép.',
	'calendar.openWebcal': 'Mở trong ứng dụng lịch',
	'calendar.howToSubscribe':
		'iPhone, iPad, máy Mac, Outlook: bấm "Mở trong ứng dụng lịch". Google Calendar (cả trên Android): trên máy tính mở calendar.google.com → Cài đặt → Thêm lịch → Từ URL, dán địa chỉ https ở trên; lịch sẽ hiện trên điện thoại sau ít phút.',
	'calendar.refreshNote': 'Ứng dụng lịch tự tải lại vài giờ một lần; thay đổi của kế hoạch có thể hiện chậm.',
	'calendar.turnOff': 'Tắt lịch',
	'calendar.turnOffWarning':
		'Địa chỉ lịch sẽ ngừng hoạt động ngay; ứng dụng lịch sẽ báo lỗi hoặc xóa các mốc ở lần cập nhật sau. Bạn có thể tạo địa chỉ mới bất cứ lúc nào.',
	'calendar.turnOffConfirm': 'Đồng ý, tắt lịch',
	'calendar.turnedOff': 'Đã tắt địa chỉ lịch.',
	'calendar.error.failed': 'Không thực hiện được. Vui lòng thử lại sau ít phút.',
	'calendar.feed.name': 'Tiến độ thi đua – khen thưởng (MTTQ Hà Nội)',
	// No comma or semicolon: calendar apps differ on unescaping X-WR-CALDESC.
	'calendar.feed.description':
		'Các mốc tiến độ của kế hoạch công tác thi đua – khen thưởng của Ủy ban MTTQ Việt Nam thành phố Hà Nội theo vai trò của bạn.',
	'calendar.feed.summary': 'Hạn: {title}',
	'calendar.feed.deliverable': 'Sản phẩm: {deliverable}',
	'calendar.feed.due': 'Thời hạn: trước ngày {date} (hết hạn lúc 00:00 ngày {date}, giờ Hà Nội).',
	'calendar.feed.responsible': 'Thực hiện: {party}',
	'calendar.feed.responsible.unit': 'Đơn vị',
	'calendar.feed.responsible.cluster': 'Cụm thi đua',
	'calendar.feed.responsible.council': 'Hội đồng Thi đua – Khen thưởng và Kỷ luật',
	'calendar.feed.plan': 'Kế hoạch công tác thi đua, khen thưởng năm {year}.',
	'calendar.feed.open': 'Xem tiến độ trong ứng dụng: {url}',
	'calendar.feed.alarmWeek': 'Còn 7 ngày: {title} (trước ngày {date})',
	'calendar.feed.alarmLastDay': 'Hôm nay là ngày cuối: {title} (trước ngày {date})'
} as const;
