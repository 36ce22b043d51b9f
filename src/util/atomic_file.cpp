#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <random>

namespace drizzle::util {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view tmpSuffix = ".tmp";

std::string hintFor(std::error_code ec) {
    if (ec == std::errc::no_space_on_device || ec == std::errc::file_too_large)
        return "free disk space (or raise the quota or file-size limit), then run the command again";
    if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted ||
        ec == std::errc::read_only_file_system)
        return "check the permissions of the file and its folder, and that the disk is writable";
    if (ec == std::errc::no_such_file_or_directory) return "check that the path exists";
    return "check the path, its permissions and the free disk space";
}

// A file descriptor closed on scope exit.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::string randomTag() {
    static std::mt19937_64 engine{std::random_device{}()};
    static const char* hex = "0123456789abcdef";
    std::string tag;
    for (int i = 0; i < 8; ++i) tag += hex[engine() & 15];
    return tag;
}

// Makes a rename in `dir` durable.
int syncDirectory(const fs::path& dir) {
    Fd d{::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd < 0 || ::fsync(d.fd) != 0) return errno;
    return 0;
}

}  // namespace

Error ioError(const fs::path& path, std::string_view operation, std::error_code ec) {
    return Error(ErrorCategory::io, path.string() + ": " + std::string(operation) + " failed: " + ec.message(),
                 hintFor(ec), std::to_string(ec.value()));
}

Error ioError(const fs::path& path, std::string_view operation, int errnoValue) {
    return ioError(path, operation, std::error_code(errnoValue, std::generic_category()));
}

bool isTemporary(const fs::path& file) {
    const std::string name = file.filename().string();
    return name.size() > 1 + tmpSuffix.size() && name.front() == '.' &&
           name.compare(name.size() - tmpSuffix.size(), tmpSuffix.size(), tmpSuffix) == 0;
}

fs::path temporaryPathFor(const fs::path& path) {
    // The target's name (shortened: a name near NAME_MAX must still fit), the writer's pid, a random tag.
    return path.parent_path() / ("." + path.filename().string().substr(0, 200) + "." + std::to_string(::getpid()) +
                                 "-" + randomTag() + std::string(tmpSuffix));
}

void writeFileAtomically(const fs::path& path, std::string_view text) {
    const fs::path tmp = temporaryPathFor(path);
    Fd file{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)};
    if (file.fd < 0) throw ioError(path, "creating a temporary file", errno);
    auto fail = [&](std::string_view operation, int err) {
        ::close(file.fd);
        file.fd = -1;
        ::unlink(tmp.c_str());
        return ioError(path, operation, err);
    };
    // A replaced file keeps its permissions (a user's schema.hpp pulled again, a shared journal).
    if (struct stat old {}; ::stat(path.c_str(), &old) == 0 && ::fchmod(file.fd, old.st_mode & 07777) != 0)
        throw fail("chmod", errno);
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(file.fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw fail("write", errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0) throw fail("fsync", errno);
    if (::close(file.fd) != 0) {
        file.fd = -1;
        const int err = errno;
        ::unlink(tmp.c_str());
        throw ioError(path, "close", err);
    }
    file.fd = -1;
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw ioError(path, "rename", err);
    }
    if (const int err = syncDirectory(path.parent_path())) throw ioError(path.parent_path(), "fsync", err);
}

void removeStaleTemporaries(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!isTemporary(it->path())) continue;
        // ".<target>.<pid>-<random>.tmp": the pid sits between the last two dots.
        const std::string name = it->path().filename().string();
        const std::string rest = name.substr(0, name.size() - tmpSuffix.size());
        const std::size_t dot = rest.rfind('.');
        const std::size_t dash = rest.rfind('-');
        if (dot == std::string::npos || dash == std::string::npos || dash < dot) continue;
        pid_t pid = 0;
        try {
            pid = static_cast<pid_t>(std::stol(rest.substr(dot + 1, dash - dot - 1)));
        } catch (...) {
            continue;
        }
        if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

std::string readFileOrThrow(const fs::path& path) {
    Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) throw ioError(path, "open", errno);
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(file.fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw ioError(path, "read", errno);
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
}

}  // namespace drizzle::util
