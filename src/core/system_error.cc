#include "pes/system_error.h"

#include <cerrno>
#include <cstring>

namespace pes {
namespace {

// The errors a person meets reading filings and writing reports.
const char* chinese(int e) {
  switch (e) {
    case ENOENT:
      return "文件或目录不存在";
    case EACCES:
      return "没有权限";
    case EPERM:
      return "不允许此操作";
    case EISDIR:
      return "是一个目录";
    case ENOTDIR:
      return "路径中有一部分不是目录";
    case ENOSPC:
      return "磁盘空间不足";
    case EDQUOT:
      return "超出磁盘配额";
    case EROFS:
      return "文件系统是只读的";
    case EEXIST:
      return "文件已存在";
    case ENAMETOOLONG:
      return "文件名过长";
    case ELOOP:
      return "符号链接层数过多";
    case EMFILE:
    case ENFILE:
      return "打开的文件过多";
    case ENOMEM:
      return "内存不足";
    case EIO:
      return "输入/输出错误";
    case EBUSY:
      return "设备或资源忙";
    case ETXTBSY:
      return "文件正被使用";
    case EFBIG:
      return "文件过大";
    case EPIPE:
      return "管道已断开";
    case EXDEV:
      return "不能跨文件系统移动";
    case EINVAL:
      return "参数无效";
    case ENXIO:
      return "没有这样的设备或地址";
    default:
      return nullptr;
  }
}

}  // namespace

Message system_error_message(int e) {
  std::string en = std::strerror(e);
  const char* zh = chinese(e);
  return {en, zh != nullptr ? std::string(zh) : en};
}

}  // namespace pes
